/** Discovery, JWKS, the access token itself, and the protected product APIs. */
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { RunningEmulator } from '../../src/emulator';
import { TEST_ISS, testKeyPair } from '../helpers/keys';
import { accessToken, API_KEY, claims, clientProcessBody, exchange, issAt, postJson, request, manualClock, signRs256, standardAccounts, startTestEmulator, TENANT, unicoProcessBody } from './support';

let emulator: RunningEmulator;
let url: string;
let token: string;
beforeAll(async () => {
  emulator = await startTestEmulator();
  url = emulator.url;
  token = await accessToken(url);
});
afterAll(() => emulator.close());

const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });
const apiError = (code: string) => ({ error: { code, description: expect.any(String) } });
/** by Unico's gRPC-style error body. */
const unicoError = (code: number) => ({ code, message: expect.any(String), details: [] });

describe('discovery and JWKS', () => {
  test('openid-configuration names the emulator as issuer and its endpoints', async () => {
    const result = await request(`${url}/.well-known/openid-configuration`);
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ issuer: url, token_endpoint: `${url}/oauth2/token`, jwks_uri: `${url}/.well-known/jwks.json` });
  });

  test('the access token verifies with jose against the published JWKS, for the right account', async () => {
    const jwks = (await request(`${url}/.well-known/jwks.json`)).json;
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: url, algorithms: ['RS256'] });
    expect(protectedHeader.kid).toBe(jwks.keys[0].kid);
    expect(payload).toMatchObject({ sub: TEST_ISS, tenant: TENANT });
    expect((payload.exp as number) - (payload.iat as number)).toBe(3600);
  });

  test('url has no trailing slash and names 127.0.0.1 and the port', () => {
    expect(url).toBe(`http://127.0.0.1:${emulator.port}`);
  });
});

describe('by Unico: /client/v1/process (Bearer)', () => {
  test('POST with a valid token creates a process; GET finds it', async () => {
    const created = await postJson(`${url}/client/v1/process`, unicoProcessBody(), bearer(token));
    expect(created.status).toBe(200);
    expect(created.json.process).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), state: 'PROCESS_STATE_CREATED' });
    const fetched = await request(`${url}/client/v1/process/${created.json.process.id}`, { headers: bearer(token) });
    expect(fetched.status).toBe(200);
    expect(fetched.json.process).toMatchObject({ id: created.json.process.id, state: 'PROCESS_STATE_CREATED' });
  });

  test('GET of an unknown id → 404 with code 5', async () => {
    const result = await request(`${url}/client/v1/process/00000000-0000-0000-0000-000000000000`, { headers: bearer(token) });
    expect(result.status).toBe(404);
    expect(result.json).toEqual(unicoError(5));
  });

  test('processes belong to a tenant and an API: another tenant or the other API gets 404', async () => {
    const otherTenantIss = issAt('svctest', 'ffff0000-0000-4000-8000-000000000002');
    const twoTenants = await startTestEmulator({ accounts: [...standardAccounts(), { iss: otherTenantIss, publicKey: testKeyPair().spkiPem, apiKey: API_KEY }] });
    try {
      const mine = await accessToken(twoTenants.url);
      const created = await postJson(`${twoTenants.url}/client/v1/process`, unicoProcessBody(), bearer(mine));
      const path = `${twoTenants.url}/client/v1/process/${created.json.process.id}`;
      const sameTenant = await accessToken(twoTenants.url, { iss: issAt('second') });
      expect((await request(path, { headers: bearer(sameTenant) })).status).toBe(200);
      const otherTenant = await accessToken(twoTenants.url, { iss: otherTenantIss });
      expect((await request(path, { headers: bearer(otherTenant) })).status).toBe(404);
      const otherApi = await request(`${twoTenants.url}/processes/v1/${created.json.process.id}`, { headers: { ...bearer(mine), APIKEY: API_KEY } });
      expect(otherApi.status).toBe(404);
    } finally {
      await twoTenants.close();
    }
  });

  test('missing Authorization → 401 (code 16) with WWW-Authenticate', async () => {
    const result = await request(`${url}/client/v1/process`, { method: 'POST' });
    expect(result.status).toBe(401);
    expect(result.json).toEqual(unicoError(16));
    expect(result.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  test.each([
    ['no token', undefined],
    ['garbage', 'not-a-token'],
    ['an assertion instead of an access token', 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln'],
  ])('%s → 401 (code 16), the same on every by-Unico and sign-host endpoint', async (_name, value) => {
    const paths = ['/client/v1/process', '/client/v1/process/x', '/client/v1/process/x/selfie', '/client/v1/process/x/evidenceset', '/api/v1/service/file/x', '/api/v1/service/evidence/x'];
    const headers = value === undefined ? {} : bearer(value);
    const results = await Promise.all(paths.map((path, i) => request(`${url}${path}`, { method: i === 0 ? 'POST' : 'GET', headers })));
    for (const result of results) expect({ status: result.status, body: result.json }).toEqual({ status: 401, body: unicoError(16) });
  });

  test('a token with a changed payload → 401', async () => {
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, exp: payload.exp + 1 })).toString('base64url');
    const result = await request(`${url}/client/v1/process`, { method: 'POST', headers: bearer(`${h}.${forged}.${s}`) });
    expect(result.json).toEqual(unicoError(16));
    expect(result.json.message).toMatch(/not valid/);
  });

  test('a token from another emulator (another key) → 401', async () => {
    const other = await startTestEmulator();
    try {
      const foreign = await accessToken(other.url);
      const result = await request(`${url}/client/v1/process`, { method: 'POST', headers: bearer(foreign) });
      expect(result.status).toBe(401);
      expect(result.json).toEqual(unicoError(16));
    } finally {
      await other.close();
    }
  });

  test('Basic credentials → 401', async () => {
    const result = await request(`${url}/client/v1/process`, { method: 'POST', headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
    expect(result.status).toBe(401);
    expect(result.json).toEqual(unicoError(16));
  });

  test('a JSON body that does not parse → 400 (code 3)', async () => {
    const result = await request(`${url}/client/v1/process`, { method: 'POST', headers: { ...bearer(token), 'Content-Type': 'application/json' }, body: '{' });
    expect(result.status).toBe(400);
    expect(result.json).toEqual(unicoError(3));
  });
});

describe('by Client: /processes/v1 (Bearer + APIKEY)', () => {
  test('POST with token and the account\'s APIKEY creates a process; GET finds it', async () => {
    const headers = { ...bearer(token), APIKEY: API_KEY };
    const created = await postJson(`${url}/processes/v1`, clientProcessBody(), headers);
    expect(created.status).toBe(200);
    const fetched = await request(`${url}/processes/v1/${created.json.id}`, { headers });
    expect(fetched.status).toBe(200);
    expect(fetched.json.id).toBe(created.json.id);
  });

  test('missing APIKEY → 401 apikey_missing, on every by-Client endpoint', async () => {
    const results = await Promise.all(
      [['POST', '/processes/v1'], ['GET', '/processes/v1/x'], ['GET', `/documents/v1?code=52998224725`]].map(([method, path]) => request(`${url}${path}`, { method, headers: bearer(token) })),
    );
    for (const result of results) expect({ status: result.status, body: result.json }).toEqual({ status: 401, body: apiError('apikey_missing') });
  });

  test.each([
    ['no token', {}],
    ['a garbage token', bearer('garbage')],
  ])('%s, with the APIKEY → 401, on every by-Client endpoint', async (_name, auth) => {
    const results = await Promise.all(
      [['POST', '/processes/v1'], ['GET', '/processes/v1/x'], ['GET', `/documents/v1?code=52998224725`]].map(([method, path]) => request(`${url}${path}`, { method, headers: { ...auth, APIKEY: API_KEY } })),
    );
    for (const result of results) expect(result.status).toBe(401);
    expect(results[0].json.error.code).toMatch(/^token_/);
  });

  test('another account\'s APIKEY → 401 apikey_invalid', async () => {
    const result = await request(`${url}/processes/v1`, { method: 'POST', headers: { ...bearer(token), APIKEY: 'second-key' } });
    expect(result.status).toBe(401);
    expect(result.json).toEqual(apiError('apikey_invalid'));
  });

  test('APIKEY without a token → 401 token_missing', async () => {
    const result = await request(`${url}/processes/v1`, { method: 'POST', headers: { APIKEY: API_KEY } });
    expect(result.json).toEqual(apiError('token_missing'));
  });

  test('GET of an unknown id → 404', async () => {
    const result = await request(`${url}/processes/v1/nope`, { headers: { ...bearer(token), APIKEY: API_KEY } });
    expect(result.status).toBe(404);
  });
});

test('an account with no capabilities: a valid token (and APIKEY) gets 403 on every product endpoint, in its API\'s body', async () => {
  const iss = issAt('nothing');
  const limited = await startTestEmulator({ accounts: [...standardAccounts(), { iss, publicKey: testKeyPair().spkiPem, apiKey: 'nothing-key', capabilities: [] }] });
  try {
    const headers = { ...bearer(await accessToken(limited.url, { iss })), APIKEY: 'nothing-key' };
    const id = '00000000-0000-4000-8000-000000000000';
    const endpoints: [string, string, 'unico' | 'client'][] = [
      ['POST', '/client/v1/process', 'unico'], ['GET', `/client/v1/process/${id}`, 'unico'], ['GET', `/client/v1/process/${id}/selfie`, 'unico'],
      ['GET', `/client/v1/process/${id}/evidenceset`, 'unico'], ['GET', `/api/v1/service/file/${id}`, 'unico'], ['GET', `/api/v1/service/evidence/${id}`, 'unico'],
      ['POST', '/processes/v1', 'client'], ['GET', `/processes/v1/${id}`, 'client'], ['GET', '/documents/v1?code=52998224725', 'client'],
    ];
    const results = await Promise.all(endpoints.map(([method, path]) => request(`${limited.url}${path}`, { method, headers })));
    results.forEach((result, i) => {
      const body = endpoints[i][2] === 'unico' ? { code: 7, message: expect.stringMatching(/does not enable \w+:\w+:\w+/), details: [] } : { error: { code: 'capability_missing', description: expect.stringMatching(/^the APIKEY does not enable/) } };
      expect({ endpoint: endpoints[i][1], status: result.status, body: result.json }).toEqual({ endpoint: endpoints[i][1], status: 403, body });
    });
  } finally {
    await limited.close();
  }
});

test('tokenLifetimeSeconds: expires_in follows it, and the token expires mid-run → 401 token_expired', async () => {
  const clock = manualClock();
  const shortLived = await startTestEmulator({ tokenLifetimeSeconds: 1, now: clock.now });
  try {
    const exchangeResult = await exchange(shortLived.url, signRs256(claims(shortLived.url)));
    expect(exchangeResult.json.expires_in).toBe(1);
    const shortToken = exchangeResult.json.access_token as string;
    expect((await postJson(`${shortLived.url}/client/v1/process`, unicoProcessBody(), bearer(shortToken))).status).toBe(200);
    clock.advance(2100);
    const expired = await postJson(`${shortLived.url}/client/v1/process`, unicoProcessBody(), bearer(shortToken));
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual(unicoError(16));
    expect(expired.json.message).toMatch(/expired/);
  } finally {
    await shortLived.close();
  }
});
