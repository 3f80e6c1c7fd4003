import https from 'node:https';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { compactVerify, decodeJwt, jwtVerify } from 'jose';
import { Credentials, loadCredentials } from '../../src/credentials';
import { Environment, resolveEnvironments } from '../../src/environments';
import {
  exchangeToken, freshAssertionTimes, signAssertion, TokenEndpointUnreachableError, TokenExchangeError, describeNetworkReason,
} from '../../src/exchange';
import { NODE_SIGNER_LANE } from '../../src/idcloud/claims';
import { TEST_ISS, testKeyPair } from '../helpers/keys';
import { certificateFor, hasOpenssl, makeCorpus } from '../credentials/corpus';
import { closedPort, okReply, Reply, startTokenServer, TokenServer } from './token-server';

const pair = testKeyPair(2048);
const corpus = makeCorpus();
const creds: Credentials = loadCredentials({ iss: TEST_ISS, key: corpus.goodKey });
const envAt = (url: string, name = 'local'): Environment => resolveEnvironments([`${name}=${url}`])[0];

let server: TokenServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(...script: Array<Reply | (() => Reply)>): Promise<Environment> {
  server = await startTokenServer(pair.publicKey, script);
  return envAt(server.url);
}

async function failure(promise: Promise<unknown>): Promise<TokenExchangeError & TokenEndpointUnreachableError> {
  try {
    await promise;
  } catch (error) {
    return error as TokenExchangeError & TokenEndpointUnreachableError;
  }
  throw new Error('expected the exchange to fail');
}

/** No assertion the server received, token it issued, or key line may appear in a message. */
function expectNoSecrets(text: string): void {
  for (const r of server?.requests ?? []) if (r.form.assertion) expect(text).not.toContain(r.form.assertion);
  for (const t of server?.issuedTokens ?? []) expect(text).not.toContain(t);
  for (const line of corpus.secretLines) expect(text).not.toContain(line);
}

describe('signAssertion', () => {
  test("header exactly {alg:RS256,typ:JWT}; claims exactly iss, aud, scope, iat, exp = iat + 3600; verifies with jose", async () => {
    const jwt = await signAssertion(creds, 'https://identityhomolog.acesso.io', { iat: 1_700_000_000, exp: 1_700_003_600 });
    const header = JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString());
    expect(header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(jwt.split('.')[0]).toBe(Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url'));
    const { payload } = await compactVerify(jwt, pair.publicKey);
    expect(JSON.parse(Buffer.from(payload).toString())).toEqual({
      iss: TEST_ISS, aud: 'https://identityhomolog.acesso.io', scope: '*', iat: 1_700_000_000, exp: 1_700_003_600,
    });
  });

  test('aud, iat and exp in the payload file are ignored: aud comes from the environment', async () => {
    const fromFile = loadCredentials({ payload: corpus.payload({ iss: TEST_ISS, aud: 'https://identity.acesso.io/', iat: 1, exp: 2 }), key: corpus.goodPkcs1Key });
    const claims = decodeJwt(await signAssertion(fromFile, 'https://identityhomolog.acesso.io', { iat: 1_700_000_000, exp: 1_700_003_600 }));
    expect(claims).toMatchObject({ aud: 'https://identityhomolog.acesso.io', iat: 1_700_000_000, exp: 1_700_003_600 });
  });

  test('a PKCS#1 key signs the same bytes as PKCS#8 (RS256 is deterministic)', async () => {
    const pkcs1 = loadCredentials({ iss: TEST_ISS, key: corpus.goodPkcs1Key });
    expect(await signAssertion(pkcs1, 'https://a', { iat: 5, exp: 3605 })).toBe(await signAssertion(creds, 'https://a', { iat: 5, exp: 3605 }));
  });

  test('by default: iat now (never back-dated), 2700 < exp - iat <= 3600, and never the same assertion twice', async () => {
    const before = Math.floor(Date.now() / 1000);
    const jwts = await Promise.all(Array.from({ length: 20 }, () => signAssertion(creds, 'https://identityhomolog.acesso.io')));
    const after = Math.floor(Date.now() / 1000);
    for (const jwt of jwts) {
      const { iat, exp } = decodeJwt(jwt) as { iat: number; exp: number };
      expect(iat).toBeGreaterThanOrEqual(before);
      expect(iat).toBeLessThanOrEqual(after);
      expect(exp - iat).toBeGreaterThan(2700);
      expect(exp - iat).toBeLessThanOrEqual(3600);
    }
    expect(new Set(jwts).size).toBe(jwts.length);
  });
});

describe('freshAssertionTimes', () => {
  test("iat is now; exp = iat + 3600 - the random offset, moved into the Node signer's lane (never a run's)", () => {
    // 17 → 10: the offsets of lane 0 are the multiples of EXP_LANES (10).
    expect(NODE_SIGNER_LANE).toBe(0);
    expect(freshAssertionTimes('a@t.iam.acesso.io', 'https://offset', () => 1_700_000_000_400, () => 17)).toEqual({ iat: 1_700_000_000, exp: 1_700_003_590 });
  });

  test('never hands out the same (iat, exp) pair twice for one iss and aud: the same offset drawn again moves on', () => {
    const clock = () => 1_700_000_100_900;
    const sameOffset = () => 899;
    const first = freshAssertionTimes('a@t.iam.acesso.io', 'https://x', clock, sameOffset);
    const second = freshAssertionTimes('a@t.iam.acesso.io', 'https://x', clock, sameOffset);
    const other = freshAssertionTimes('a@t.iam.acesso.io', 'https://other', clock, sameOffset);
    expect(first).toEqual({ iat: 1_700_000_100, exp: 1_700_000_100 + 3600 - 890 });
    // Same second, same iat (no waiting, no back-dating), another exp, still within (2700, 3600].
    expect(second).toEqual({ iat: 1_700_000_100, exp: 1_700_000_100 + 3600 });
    expect(other).toEqual(first);
  });

  test('the next second starts afresh', () => {
    let now = 1_700_000_200_000;
    const first = freshAssertionTimes('a@t.iam.acesso.io', 'https://y', () => now, () => 0);
    now += 1000;
    expect(freshAssertionTimes('a@t.iam.acesso.io', 'https://y', () => now, () => 0)).toEqual({ iat: first.iat + 1, exp: first.exp + 1 });
  });
});

describe('exchangeToken against a local token endpoint', () => {
  test('posts a form with the jwt-bearer grant and a verifying assertion; reads expires_in', async () => {
    const env = await serve(() => okReply(1800));
    const result = await exchangeToken(creds, env);
    expect(result.accessToken).toBe(server!.issuedTokens[0]);
    expect(result).toMatchObject({ expiresIn: 1800, tokenType: 'Bearer' });
    expect(result.elapsedMs).toBeGreaterThan(0);
    const [request] = server!.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/oauth2/token', contentType: 'application/x-www-form-urlencoded', verified: true });
    expect(request.form.grant_type).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(Object.keys(request.claims!).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'scope']);
    expect(request.claims).toMatchObject({ iss: TEST_ISS, aud: env.identityUrl, scope: '*' });
    await expect(jwtVerify(request.form.assertion, pair.publicKey, { audience: env.identityUrl, issuer: TEST_ISS })).resolves.toBeDefined();
  });

  test("the environment's audience is the aud when set (a gateway in front of Unico); the token URL stays the identity URL's", async () => {
    const local = await serve(() => okReply(1800));
    const gateway: Environment = { ...local, audience: 'https://identityhomolog.acesso.io' };
    await exchangeToken(creds, gateway);
    expect(server!.requests[0].path).toBe('/oauth2/token');
    expect(decodeJwt(server!.requests[0].form.assertion).aud).toBe('https://identityhomolog.acesso.io');
  });

  test('two exchanges in a row send two different assertions (no 1.2.7 replay)', async () => {
    const env = await serve(okReply);
    await exchangeToken(creds, env);
    await exchangeToken(creds, env);
    const [a, b] = server!.requests.map((r) => r.form.assertion);
    expect(a).not.toBe(b);
  });

  test('429 is retried with a fresh assertion, then succeeds', async () => {
    const env = await serve({ status: 429, body: { error: 'rate_limited' }, headers: { 'retry-after': '0' } }, okReply);
    const result = await exchangeToken(creds, env, { maxRetries: 2 });
    expect(result.accessToken).toBe(server!.issuedTokens[0]);
    expect(server!.requests).toHaveLength(2);
    expect(new Set(server!.requests.map((r) => r.form.assertion)).size).toBe(2);
  });

  test('429 beyond maxRetries is ERR_TOKEN_RATE_LIMITED, exit 3, after exactly maxRetries + 1 attempts', async () => {
    const env = await serve({ status: 429, body: '', headers: { 'retry-after': '0' } });
    const error = await failure(exchangeToken(creds, env, { maxRetries: 1 }));
    expect(error).toBeInstanceOf(TokenExchangeError);
    expect(error).toMatchObject({ code: 'ERR_TOKEN_RATE_LIMITED', exitCode: 3, status: 429 });
    expect(server!.requests).toHaveLength(2);
  });

  test.each([
    ['Portuguese 1.0.1', { error: 'server_error', error_description: 'Falha na autenticação 1.0.1' }, '1.0.1', /Unico 1\.0\.1: the tenant ID in iss is wrong\); check the tenant part of iss/],
    ['English 1.2.21', { error: 'server_error', error_description: 'Authentication failed (1.2.21)' }, '1.2.21', /private key this account does not have.*check that the private key belongs to this service account/],
    ['1.2.18 lockout', { error_description: 'Authentication failed (1.2.18)' }, '1.2.18', /temporarily locked.*stop sending invalid attempts/],
    ['an undocumented code', { error_description: 'Authentication failed (9.9.9)' }, '9.9.9', /Unico 9\.9\.9, a code missing from Unico's documented table/],
    ['no code', { error: 'server_error', error_description: 'Authentication failed' }, undefined, /no error code\); most often .* other environment \(UAT vs production\)/],
  ])('401 with %s says which credential to check, exit 1', async (_name, body, unicoCode, message) => {
    const env = await serve({ status: 401, body });
    const error = await failure(exchangeToken(creds, env));
    expect(error).toBeInstanceOf(TokenExchangeError);
    expect(error).toMatchObject({ code: 'ERR_TOKEN_REFUSED', exitCode: 1, status: 401, unicoCode, environment: 'local' });
    expect(error.message).toMatch(new RegExp(`^local: ${env.identityUrl}/oauth2/token refused the assertion for ${TEST_ISS.replace(/\./g, '\\.')}`));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
    expectNoSecrets(error.message);
  });

  test('a refusal body that echoes the assertion is not repeated', async () => {
    const env = await serve(() => ({ status: 401, body: { error_description: `bad assertion ${server!.requests[0].form.assertion}` } }));
    const error = await failure(exchangeToken(creds, env));
    expectNoSecrets(error.message);
  });

  test('500 is ERR_TOKEN_SERVER_ERROR, exit 3', async () => {
    const env = await serve({ status: 503, body: 'down' });
    expect(await failure(exchangeToken(creds, env))).toMatchObject({ code: 'ERR_TOKEN_SERVER_ERROR', exitCode: 3, status: 503 });
  });

  test('200 with a body that is not JSON is an outage: ERR_TOKEN_BAD_RESPONSE, exit 3, one line with the status', async () => {
    const env = await serve({ status: 200, body: '<html>hello</html>' });
    const error = await failure(exchangeToken(creds, env));
    expect(error).toMatchObject({ code: 'ERR_TOKEN_BAD_RESPONSE', exitCode: 3, status: 200 });
    expect(error.message).toBe(`local: ${env.identityUrl}/oauth2/token answered HTTP 200, not JSON: the environment is unavailable; check the identity URL, or retry later`);
  });

  test('expires_in over 24 h passes with one notice; 7200 without', async () => {
    const env = await serve(() => okReply(90000), () => okReply(7200));
    const notices: string[] = [];
    expect((await exchangeToken(creds, env, { onNotice: (l) => notices.push(l) })).expiresIn).toBe(90000);
    expect((await exchangeToken(creds, env, { onNotice: (l) => notices.push(l) })).expiresIn).toBe(7200);
    expect(notices).toEqual(["IDCloud: the token endpoint answered expires_in 90000 (25 h, over 24 h): accepted, but check the company's token lifetime with Unico"]);
  });

  test.each([
    ['no access_token', { status: 200, body: { token_type: 'Bearer', expires_in: 3600 } }, /the body carries no access_token/],
    ['no expires_in', { status: 200, body: { access_token: 'x' } }, /the body has expires_in missing instead of a positive whole number/],
  ])('200 with %s is ERR_TOKEN_BAD_RESPONSE, exit 1', async (_name, reply, message) => {
    const env = await serve(reply as Reply);
    const error = await failure(exchangeToken(creds, env));
    expect(error).toMatchObject({ code: 'ERR_TOKEN_BAD_RESPONSE', exitCode: 1 });
    expect(error.message).toMatch(message);
  });
});

describe('once more on the server clock (idcloud/clock-retry.ts, the same rule as the collection)', () => {
  const skewed = () => ({ Date: new Date(Date.now() + 600_000).toUTCString() });
  test('a refusal on a skewed clock is retried once, dated by the server clock', async () => {
    const env = await serve(() => ({ status: 401, body: { error: 'server_error', error_description: 'Authentication failed (1.2.4)' }, headers: skewed() }), () => ({ ...okReply(), headers: skewed() }));
    await exchangeToken(creds, env, { maxRetries: 0 });
    expect(server!.requests).toHaveLength(2);
  });
  test('the lockout (1.2.18) on a skewed clock is not retried: only a wait ends it', async () => {
    const locked = () => ({ status: 401, body: { error: 'server_error', error_description: 'Conta bloqueada temporariamente (1.2.18)' }, headers: skewed() });
    const env = await serve(locked, locked);
    const error = await failure(exchangeToken(creds, env, { maxRetries: 0 }));
    expect(error.status).toBe(401);
    expect(server!.requests).toHaveLength(1);
  });
});

describe('exchangeToken when the endpoint cannot be reached: exit 3, one line', () => {
  test('connection refused', async () => {
    const env = envAt(`http://127.0.0.1:${await closedPort()}`);
    const error = await failure(exchangeToken(creds, env));
    expect(error).toBeInstanceOf(TokenEndpointUnreachableError);
    expect(error).toMatchObject({ code: 'ERR_TOKEN_ENDPOINT_UNREACHABLE', exitCode: 3, reason: 'ECONNREFUSED', environment: 'local' });
    expect(error.message).toBe(`local: cannot reach ${env.identityUrl}/oauth2/token (connection refused); check the URL, the network and that the server is running`);
  });

  test('a server that never answers times out', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const silent = require('node:http').createServer(() => undefined);
    silent.on('connection', (s: import('node:net').Socket) => sockets.add(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const env = envAt(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`);
      const error = await failure(exchangeToken(creds, env, { timeoutMs: 300 }));
      expect(error).toMatchObject({ code: 'ERR_TOKEN_ENDPOINT_UNREACHABLE', exitCode: 3, reason: 'ETIMEDOUT' });
      expect(error.message).toMatch(/\(timed out\)/);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  test('a TLS certificate the client does not trust', async () => {
    if (!hasOpenssl()) throw new Error('openssl is needed to make the TLS certificate');
    const cert = fs.readFileSync(certificateFor(corpus.goodKey, path.join(corpus.dir, 'tls.cert.pem')));
    const tls = https.createServer({ key: fs.readFileSync(corpus.goodKey), cert }, (_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      const env = envAt(`https://127.0.0.1:${(tls.address() as AddressInfo).port}`);
      const error = await failure(exchangeToken(creds, env));
      expect(error).toMatchObject({ code: 'ERR_TOKEN_ENDPOINT_UNREACHABLE', exitCode: 3 });
      expect(error.message).toMatch(/certificate is not trusted \[[A-Z_]+\].*--ca-cert/);
    } finally {
      await new Promise((resolve) => tls.close(resolve));
    }
  });

  test('DNS and other reasons read as words (DNS is not exercised: the test network is loopback only)', () => {
    expect(describeNetworkReason('ENOTFOUND')).toBe('host not found (DNS)');
    expect(describeNetworkReason('CERT_HAS_EXPIRED')).toBe("the server's certificate has expired [CERT_HAS_EXPIRED]");
    expect(describeNetworkReason('ECONNRESET')).toBe('connection reset');
  });
});
