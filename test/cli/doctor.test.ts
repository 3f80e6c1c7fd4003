/**
 * `doctor` through the real binary on the bad-input corpus (issue 2): each case exits 2 with one clear
 * `problem` line naming the file or field, one summary line on stderr, no stack trace and no key material.
 */
import path from 'node:path';
import { hasStackTrace, runCli, CliResult } from '../helpers/cli';
import { TEST_ISS, testKeyPair } from '../helpers/keys';
import {
  certificateFor, ecKeyPem, encryptedPkcs8Pem, hasOpenssl, makeCorpus, shortBodyPem, truncatedPem,
} from '../credentials/corpus';
import { closedPort, okReply, startTokenServer } from '../exchange/token-server';

const corpus = makeCorpus();
const pair = testKeyPair(2048);

function problemLines(result: CliResult): string[] {
  return result.stdout.split('\n').filter((line) => line.startsWith('problem'));
}

/** The contract for every bad input: exit 2, exactly one problem line with `code`, clean output. */
function expectOneProblem(result: CliResult, code: string, message: RegExp): void {
  expect(result.exitCode).toBe(2);
  const problems = problemLines(result);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(message);
  expect(problems[0]).toMatch(new RegExp(`\\[${code}\\]$`));
  expect(result.stderr).toBe('idcloud-postman: doctor found 1 problem; fix it and run doctor again\n');
  expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
  for (const line of corpus.secretLines) expect(result.stdout + result.stderr).not.toContain(line);
}

const doctor = (...args: string[]) => runCli(['doctor', ...args]);
const withKey = (key: string) => doctor('--payload', corpus.goodPayload, '--key', key);
const withPayload = (payload: string) => doctor('--payload', payload, '--key', corpus.goodKey);

describe('doctor on good credentials', () => {
  test('PKCS#8 key, payload, aud against uat, and the public key: every check ok, exit 0', async () => {
    const result = await doctor('--payload', corpus.goodPayload, '--key', corpus.goodKey, '--env', 'uat', '--cert', corpus.goodPublicKey);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const checks = result.stdout.split('\n').filter((l) => /^(ok|problem|skip)\b/.test(l)).map((l) => l.split(/\s+/).slice(0, 2).join(' '));
    expect(checks).toEqual(['ok key', 'ok payload', 'ok iss', 'ok claims', 'ok aud', 'ok certificate']);
    expect(result.stdout).toMatch(/RSA 2048-bit private key \(PKCS#8\)/);
    expect(result.stdout).toMatch(/aud matches uat \(https:\/\/identityhomolog\.acesso\.io\)/);
  });

  test('PKCS#1 key from IDCLOUD_PRIVATE_KEY with literal \\n and --iss from IDCLOUD_ISS', async () => {
    const result = await runCli(['doctor'], { env: { IDCLOUD_PRIVATE_KEY: `"${pair.pkcs1Pem.trim().replace(/\n/g, '\\n')}"`, IDCLOUD_ISS: TEST_ISS } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^ok +key +IDCLOUD_PRIVATE_KEY: RSA 2048-bit private key \(PKCS#1\)/m);
    expect(result.stdout).toMatch(/^ok +iss +svctest@/m);
  });
});

describe('doctor on the bad-input corpus: exit 2, one line each', () => {
  test('EC key', async () => {
    expectOneProblem(await withKey(corpus.file('ec.key.pem', ecKeyPem())), 'ERR_KEY_NOT_RSA', /^problem +key +key file .*ec\.key\.pem is not an RSA key \(it is EC\); Unico signs with RS256/);
  });

  test('1024-bit RSA key', async () => {
    expectOneProblem(await withKey(corpus.file('short.key.pem', testKeyPair(1024).pkcs8Pem)), 'ERR_KEY_TOO_SHORT', /short\.key\.pem is a 1024-bit RSA key; RS256 needs at least 2048 bits/);
  });

  test('public key instead of private', async () => {
    expectOneProblem(await withKey(corpus.goodPublicKey), 'ERR_KEY_IS_PUBLIC', /good\.pub\.pem holds a public key; signing needs the private key/);
  });

  test('certificate instead of key (made with openssl req -x509)', async () => {
    if (!hasOpenssl()) throw new Error('openssl is needed to make the certificate case');
    const cert = certificateFor(corpus.goodKey, path.join(corpus.dir, 'svc.cert.pem'));
    expectOneProblem(await withKey(cert), 'ERR_KEY_IS_CERTIFICATE', /svc\.cert\.pem holds an X\.509 certificate, not a private key; give the NAME\.key\.pem file/);
  });

  test('encrypted key: says how to decrypt', async () => {
    const file = corpus.file('enc.key.pem', encryptedPkcs8Pem());
    expectOneProblem(await withKey(file), 'ERR_KEY_ENCRYPTED', /enc\.key\.pem is encrypted with a passphrase; decrypt it first: openssl pkey -in k\.pem -out plain\.pem/);
  });

  test('truncated PEM (cut off, no END line)', async () => {
    expectOneProblem(await withKey(corpus.file('cut.key.pem', truncatedPem(pair.pkcs8Pem))), 'ERR_KEY_TRUNCATED', /cut\.key\.pem is cut off \(no -----END PRIVATE KEY----- line\); copy the whole file again/);
  });

  test('truncated PEM (body lines lost)', async () => {
    expectOneProblem(await withKey(corpus.file('short-body.key.pem', shortBodyPem(pair.pkcs8Pem))), 'ERR_KEY_TRUNCATED', /short-body\.key\.pem is truncated/);
  });

  test('garbage', async () => {
    expectOneProblem(await withKey(corpus.file('garbage.pem', 'ssh-rsa AAAAB3NzaC1yc2E user@host\n')), 'ERR_KEY_NOT_PEM', /garbage\.pem is not a PEM private key/);
  });

  test('empty file', async () => {
    expectOneProblem(await withKey(corpus.file('empty.pem', '')), 'ERR_KEY_EMPTY', /empty\.pem is empty; give the \.key\.pem file/);
  });

  test('missing file', async () => {
    expectOneProblem(await withKey(path.join(corpus.dir, 'missing.pem')), 'ERR_KEY_FILE_NOT_FOUND', /missing\.pem does not exist; check the path/);
  });

  test('payload that is not JSON', async () => {
    expectOneProblem(await withPayload(corpus.file('p.txt', 'iss=svc@t.iam.acesso.io')), 'ERR_PAYLOAD_NOT_JSON', /^problem +payload +payload file .*p\.txt is not valid JSON/);
  });

  test('iss without tenant', async () => {
    expectOneProblem(await withPayload(corpus.payload({ iss: 'svc@iam.acesso.io', scope: '*' })), 'ERR_ISS_INVALID', /^problem +iss +payload file .*: iss "svc@iam\.acesso\.io" has no tenant/);
  });

  test('aud with trailing slash (no --env: the aud host says which environment)', async () => {
    const result = await withPayload(corpus.payload({ iss: TEST_ISS, aud: 'https://identityhomolog.acesso.io/', scope: '*' }));
    expectOneProblem(result, 'ERR_AUD_TRAILING_SLASH', /^problem +aud +payload file .*aud "https:\/\/identityhomolog\.acesso\.io\/" ends with "\/"; --env uat expects/);
  });

  test.each(['sub', 'jti', 'nbf'])('payload with %s', async (claim) => {
    const result = await withPayload(corpus.payload({ iss: TEST_ISS, scope: '*', [claim]: claim === 'nbf' ? 1626293376 : 'x' }));
    expectOneProblem(result, 'ERR_PAYLOAD_FORBIDDEN_CLAIMS', new RegExp(`^problem +claims +payload file .* has claims Unico forbids: ${claim}\\b.*keep only iss, aud, scope, iat, exp`));
  });
});

describe('doctor: more checks', () => {
  test('several problems at once are all reported', async () => {
    const result = await doctor('--payload', corpus.payload({ iss: 'svc@iam.acesso.io', sub: 'u', scope: 'all' }), '--key', corpus.goodPublicKey);
    expect(result.exitCode).toBe(2);
    expect(problemLines(result).map((l) => /\[(\w+)\]$/.exec(l)![1])).toEqual(['ERR_KEY_IS_PUBLIC', 'ERR_ISS_INVALID', 'ERR_PAYLOAD_FORBIDDEN_CLAIMS', 'ERR_PAYLOAD_SCOPE']);
    expect(result.stderr).toBe('idcloud-postman: doctor found 4 problems; fix them and run doctor again\n');
  });

  test("the other environment's aud names it", async () => {
    const result = await doctor('--payload', corpus.goodPayload, '--key', corpus.goodKey, '--env', 'production');
    expectOneProblem(result, 'ERR_AUD_OTHER_ENVIRONMENT', /is uat's identity host; --env production expects "https:\/\/identity\.acesso\.io" — these credentials are probably for uat/);
  });

  test('--cert of another key', async () => {
    const other = corpus.file('other.pub.pem', testKeyPair(2048, true).spkiPem);
    expectOneProblem(await doctor('--payload', corpus.goodPayload, '--key', corpus.goodKey, '--cert', other), 'ERR_CERT_MISMATCH', /^problem +certificate +public key .*other\.pub\.pem does not belong to the private key/);
  });

  test('no key and no payload given', async () => {
    const result = await doctor();
    expect(result.exitCode).toBe(2);
    expect(problemLines(result)).toEqual([
      expect.stringMatching(/no private key: give --key FILE.*\[ERR_KEY_MISSING\]$/),
      expect.stringMatching(/no payload: give --payload FILE.*\[ERR_PAYLOAD_MISSING\]$/),
    ]);
  });

  test('--online without --env is a usage error', async () => {
    const result = await doctor('--iss', TEST_ISS, '--key', corpus.goodKey, '--online');
    expect(result).toMatchObject({ exitCode: 2, stdout: '', stderr: 'idcloud-postman: doctor --online needs --env (uat, production or NAME=URL)\n' });
  });
});

describe('doctor --online', () => {
  test('one exchange per environment: ok, refused (exit 1) with the credential to check', async () => {
    const good = await startTokenServer(pair.publicKey, [okReply]);
    const refusing = await startTokenServer(pair.publicKey, [{ status: 401, body: { error_description: 'Falha na autenticação 1.0.1' } }]);
    try {
      const result = await doctor('--iss', TEST_ISS, '--key', corpus.goodKey, '--env', `a=${good.url}`, '--env', `b=${refusing.url}`, '--online');
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toMatch(/^ok +online +a: token issued in \d+ ms \(Bearer, expires in 3600 s\)$/m);
      expect(result.stdout).toMatch(/^problem +online +b: .* \(HTTP 401, Unico 1\.0\.1: the tenant ID in iss is wrong\); check the tenant part of iss .*\[ERR_TOKEN_REFUSED\]$/m);
      expect(good.requests).toHaveLength(1);
      for (const secret of [...good.issuedTokens, ...good.requests.map((r) => r.form.assertion), ...refusing.requests.map((r) => r.form.assertion)]) {
        expect(result.stdout + result.stderr).not.toContain(secret);
      }
    } finally {
      await good.close();
      await refusing.close();
    }
  });

  test('an unreachable environment: exit 3, one problem line naming it', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await doctor('--iss', TEST_ISS, '--key', corpus.goodKey, '--env', `down=${url}`, '--online');
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toMatch(new RegExp(`^problem +online +down: cannot reach ${url}/oauth2/token \\(connection refused\\).*\\[ERR_TOKEN_ENDPOINT_UNREACHABLE\\]$`, 'm'));
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
  });

  test('skipped when an offline check fails: no invalid attempt is spent', async () => {
    const server = await startTokenServer(pair.publicKey, [okReply]);
    try {
      const result = await doctor('--payload', corpus.payload({ iss: TEST_ISS, sub: 'x' }), '--key', corpus.goodKey, '--env', `a=${server.url}`, '--online');
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/\(--online skipped\)/);
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});
