/**
 * The signer's bundled script text, unchanged, in real Postman sandboxes: newman 6.2.2 (postman-sandbox
 * 4.7.1) and postman-runtime 7.56.1 (postman-sandbox 6.x). Each run POSTs the assertion signed in the sandbox
 * to a local token endpoint that verifies it with jose.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { decodeProtectedHeader, importSPKI, jwtVerify, type JWTPayload } from 'jose';
import { TEST_ISS, testKeyPair } from '../helpers/keys';
import { BOTH_RUNTIMES, runNewman, type RunResult } from '../helpers/postman-runtimes';
import { bundleSandboxScript } from './bundle';

const AUD = 'https://identityhomolog.acesso.io';
const pair = testKeyPair(2048);
const signScript = bundleSandboxScript(path.join(__dirname, 'fixtures', 'sign-entry.ts'));
const wrongKeyScript = bundleSandboxScript(path.join(__dirname, 'fixtures', 'wrong-key-entry.ts'));

interface Seen {
  path: string;
  verified: boolean;
  header?: object;
  claims?: JWTPayload;
  error?: string;
}
let seen: Seen[] = [];
let server: http.Server;
let baseUrl = '';

beforeAll(async () => {
  const publicKey = await importSPKI(pair.spkiPem, 'RS256');
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const form = new URLSearchParams(body);
      const assertion = form.get('assertion') ?? '';
      const record: Seen = { path: req.url ?? '', verified: false };
      try {
        const { payload, protectedHeader } = await jwtVerify(assertion, publicKey, { algorithms: ['RS256'], audience: AUD, issuer: TEST_ISS });
        Object.assign(record, { verified: form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:jwt-bearer', header: protectedHeader, claims: payload });
      } catch (error) {
        record.error = (error as Error).message;
        try {
          record.header = decodeProtectedHeader(assertion);
        } catch {
          /* not even a JWS */
        }
      }
      seen.push(record);
      res.statusCode = record.verified ? 200 : 401;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(record.verified ? { access_token: 'x', token_type: 'Bearer', expires_in: 3600 } : { error: 'server_error' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});

function tokenRequest(name: string, script: string, expectedStatus: number): object {
  return {
    name,
    event: [
      { listen: 'prerequest', script: { type: 'text/javascript', exec: script.split('\n') } },
      {
        listen: 'test',
        script: { type: 'text/javascript', exec: [`pm.test('status ${expectedStatus}', function () { pm.response.to.have.status(${expectedStatus}); });`] },
      },
    ],
    request: {
      method: 'POST',
      url: `${baseUrl}/oauth2/token/${encodeURIComponent(name)}`,
      header: [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
      body: {
        mode: 'urlencoded',
        urlencoded: [
          { key: 'grant_type', value: 'urn:ietf:params:oauth:grant-type:jwt-bearer' },
          { key: 'assertion', value: '{{assertion}}' },
        ],
      },
    },
  };
}

function collection(): object {
  return {
    info: { name: 'sandbox signer', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    variable: [
      { key: 'iss', value: TEST_ISS },
      { key: 'aud', value: AUD },
    ],
    item: [tokenRequest('signed with the account key', signScript, 200), tokenRequest('signed with a sandbox-generated key', wrongKeyScript, 401)],
  };
}

function expectValidRun(result: RunResult): void {
  expect(result.failures).toEqual([]);
  expect(result.assertions).toBe(2);
  expect(seen).toHaveLength(2);
  const [good, wrong] = seen;
  expect(good.error).toBeUndefined();
  expect(good.verified).toBe(true);
  expect(good.header).toEqual({ alg: 'RS256', typ: 'JWT' });
  expect(good.claims).toMatchObject({ iss: TEST_ISS, aud: AUD, scope: '*', note: 'ação 日本 😀' });
  expect(Object.keys(good.claims ?? {}).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'note', 'scope']);
  expect((good.claims?.exp ?? 0) - (good.claims?.iat ?? 0)).toBe(3600);
  expect(Math.abs((good.claims?.iat ?? 0) - Date.now() / 1000)).toBeLessThan(120);
  expect(wrong.verified).toBe(false);
  expect(wrong.header).toEqual({ alg: 'RS256', typ: 'JWT' });
  expect(wrong.error).toMatch(/signature verification failed/);
}

const keyForms: [string, string][] = [
  ['PKCS#8', pair.pkcs8Pem],
  ['PKCS#1 pasted with literal \\n', pair.pkcs1Pem.replace(/\n/g, '\\n')],
];

describe.each(BOTH_RUNTIMES)('%s', (_name, run) => {
  test.each(keyForms)('signs with a %s key; the server verifies it with jose', async (_form, privateKey) => {
    expectValidRun(await run(collection(), { envValues: { private_key: privateKey } }));
  });
});

// Note: Newman still sends the request after a pre-request script error (with {{assertion}} unresolved), so
// the generated collection must not rely on a throw alone to stop a request.
test('a missing key fails the pre-request script with a clear message; no valid assertion is sent', async () => {
  const result = await runNewman(collection(), { envValues: {} });
  expect(result.failures.some((f) => /private key is empty/.test(f.message))).toBe(true);
  expect(seen.filter((s) => s.path.includes('account')).map((s) => [s.verified, s.error])).toEqual([[false, 'Invalid Compact JWS']]);
});

test.each([
  ['globalThis', /globalThis/],
  ['TextEncoder', /TextEncoder/],
  ['crypto.subtle', /crypto\.subtle/],
  ['eval', /\beval\s*\(/],
  ['new Function', /new\s+Function/],
  ['require', /\brequire\s*\(/],
  ['Buffer', /\bBuffer\b/],
])('the bundled script text does not use %s', (_name, pattern) => {
  for (const text of [signScript, wrongKeyScript]) expect(text).not.toMatch(pattern);
});
