/**
 * The emulator is recognised by its signal, never by an address (issue 16 part 2; cli-contract.md "Suites and
 * safety"), and a token the server stopped accepting is cleared (part 6). Real components only:
 *  - a plain HTTP server on 127.0.0.1 that answers like Unico and is not the emulator: its token endpoint accepts
 *    only a real RS256 assertion signed with the test key (for its iss and aud, not expired), its product
 *    endpoints answer an honest 400 to a POST and 404 to a GET, 401 without the token (by Client: or APIKEY).
 *    The generated collection must pass against it in plain Newman (both runtimes) and in `run`, send no body
 *    that could create anything, and, by default, no invalid attempt;
 *  - the real emulator, restarted under a running collection: the cached token is forgotten by the server, the
 *    next API request gets 401, the test script clears the token and says so, the request after exchanges again.
 */
import { createPublicKey, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FOLDERS, generateCollection } from '../../src/collection';
import type { RunningEmulator } from '../../src/emulator';
import { makeEnvironment } from '../../src/environments';
import { API_PATHS, TOKEN_PATH } from '../../src/idcloud/hosts';
import { runSuites } from '../../src/runner';
import { API_CASES, UNKNOWN_PROCESS_ID } from '../../src/suites/api';
import { TOKEN_EXCHANGE_CASE } from '../../src/suites/variables';
import { startTestEmulator } from '../helpers/emulator';
import { TEST_ISS } from '../helpers/keys';
import { BOTH_RUNTIMES, runLatestRuntime } from '../helpers/postman-runtimes';
import { API_KEY, keys, onlyFolders, onlyRequests } from './support';

interface Arrived {
  method: string;
  path: string;
  body: string;
  /** Token endpoint: whether the assertion was valid (signed by the test key, for this server, not expired). */
  validAssertion?: boolean;
}

const b64json = (part: string): Record<string, unknown> | undefined => {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
};

/** Unico's behaviour as far as the smoke suite meets it, on 127.0.0.1, without the emulator's signal. */
async function startUnicoLike(): Promise<{ url: string; arrived: Arrived[]; close(): Promise<void> }> {
  const arrived: Arrived[] = [];
  const issued = new Set<string>();
  const publicKey = createPublicKey(keys.spkiPem);
  let url = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0];
      const entry: Arrived = { method: req.method ?? '', path, body };
      arrived.push(entry);
      const send = (status: number, json: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (req.method === 'POST' && path === TOKEN_PATH) {
        const assertion = new URLSearchParams(body).get('assertion') ?? '';
        const [h, p, s] = assertion.split('.');
        const header = b64json(h ?? '');
        const claims = b64json(p ?? '');
        const signed = !!s && verify('RSA-SHA256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'));
        const now = Date.now() / 1000;
        entry.validAssertion = signed && header?.alg === 'RS256' && claims?.iss === TEST_ISS && claims?.aud === url && claims?.scope === '*' && Number(claims?.exp) > now;
        if (!entry.validAssertion) return send(401, { error: 'server_error', error_description: 'Authentication failed (1.2.5)' });
        const token = `unico-like-${issued.size + 1}-${Math.random().toString(36).slice(2)}`;
        issued.add(token);
        return send(200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
      }
      const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (!issued.has(bearer)) return send(401, { error: { code: '401', description: 'unauthorized' } });
      const byClient = path.startsWith(API_PATHS.clientProcess) || path.startsWith(API_PATHS.clientDocuments);
      if (byClient && req.headers.apikey !== API_KEY) return send(401, { error: { code: '401', description: 'APIKEY' } });
      send(req.method === 'POST' ? 400 : 404, { error: { code: req.method === 'POST' ? '400' : '404', description: 'wrong parameters' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, arrived, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

/** Anything in a body that a create needs. */
const CREATE_FIELDS = /callbackUri|flow|purpose|person|duiValue|subject|imageBase64|result/;

function expectNothingCreatedNoInvalidAttempt(arrived: readonly Arrived[]): void {
  expect(arrived.some((a) => a.path !== TOKEN_PATH && CREATE_FIELDS.test(a.body))).toBe(false);
  expect(arrived.some((a) => a.path.startsWith('/_emulator/'))).toBe(false);
  // Every assertion sent was a valid one: no invalid attempt.
  const exchanges = arrived.filter((a) => a.path === TOKEN_PATH);
  expect(exchanges.length).toBeGreaterThan(0);
  expect(exchanges.every((a) => a.validAssertion)).toBe(true);
}

/** The smoke suite's API requests against the Unico-like server: every create sent with `{}`, reads of an id that exists nowhere, no control call. */
function expectSmokeAsUnicoSeesIt(arrived: readonly Arrived[], consoleLines: readonly string[]): void {
  expectNothingCreatedNoInvalidAttempt(arrived);
  expect(arrived.filter((a) => a.path === TOKEN_PATH)).toHaveLength(1);
  const creates = arrived.filter((a) => a.method === 'POST' && a.path !== TOKEN_PATH);
  expect(creates.length).toBe(API_CASES.filter((c) => c.method === 'POST' && !c.loopbackOnly).length);
  for (const c of creates) expect(c.body).toBe('{}');
  expect(arrived.some((a) => a.path.includes(UNKNOWN_PROCESS_ID))).toBe(true);
  expect(consoleLines.some((l) => /finish the process.*not sent, the emulator's control path exists only on the emulator/.test(l))).toBe(true);
}

function generatedFor(url: string): { collection: object; envJson: object; envValues: Record<string, string> } {
  const files = generateCollection({ environments: [makeEnvironment('local', { identityUrl: url })], iss: TEST_ISS });
  const envJson = files.environments[0].json as { values: { key: string; value: string }[] };
  const envValues: Record<string, string> = {};
  for (const v of envJson.values) envValues[v.key] = v.value;
  Object.assign(envValues, { private_key: keys.pkcs8Pem, api_key: API_KEY });
  return { collection: files.collection, envJson, envValues };
}

// In newman 6.2.2 the same is shown through `run` (below).
test.concurrent('postman-runtime 7.56 (postman-sandbox 6.x): a server on 127.0.0.1 that answers like Unico: the smoke folders pass, nothing created, one exchange', async () => {
  const server = await startUnicoLike();
  try {
    const { collection, envValues } = generatedFor(server.url);
    const result = await runLatestRuntime(onlyFolders(collection, [FOLDERS.token, FOLDERS.api]), { envValues });
    expect(result.failures).toEqual([]);
    expectSmokeAsUnicoSeesIt(server.arrived, result.consoleLogs);
  } finally {
    await server.close();
  }
});

describe.each(BOTH_RUNTIMES)('%s', (_name, run) => {
  test.concurrent('the emulator restarted under a running collection: 401 clears the cached token, the next request exchanges again', async () => {
    let emulator: RunningEmulator = await startTestEmulator();
    const port = emulator.port;
    const control = http.createServer((_req, res) => {
      void emulator.close().then(async () => {
        // A fresh signing key (not the tests' shared one): the restarted emulator no longer accepts the tokens it issued.
        emulator = await startTestEmulator({ port, signingKey: undefined });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"restarted":true}');
      });
    });
    await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
    try {
      const { collection, envValues } = generatedFor(emulator.url);
      const read = (name: string) => ({ name, request: { method: 'GET', url: `{{unico_api_url}}${API_PATHS.unicoProcess}/${UNKNOWN_PROCESS_ID}` } });
      const mine = {
        name: 'Mine',
        item: [
          read('Read before the restart'),
          { name: 'Restart the emulator', request: { method: 'POST', url: `http://127.0.0.1:${(control.address() as AddressInfo).port}/restart` } },
          read('Read after the restart'),
          read('Read once more'),
        ],
      };
      const c = onlyRequests(collection, [TOKEN_EXCHANGE_CASE.name]) as { item: object[] };
      const result = await run({ ...c, item: [...c.item, mine] }, { envValues });
      const codes = result.responses.filter((r) => r.item.startsWith('Read')).map((r) => [r.item, r.code]);
      // The emulator answers 404 to an unknown process when it accepts the token.
      expect(codes).toEqual([['Read before the restart', 404], ['Read after the restart', 401], ['Read once more', 404]]);
      expect(result.consoleLogs.filter((l) => /401 to the cached access token.*cleared it/.test(l))).toHaveLength(1);
      // The restarted emulator exchanged exactly once: the request after the 401, nothing retried.
      expect(emulator.stats().tokenExchanges).toBe(1);
    } finally {
      await new Promise<void>((resolve) => { control.closeAllConnections(); control.close(() => resolve()); });
      await emulator.close();
    }
  });
});

test.concurrent('newman 6.2.2 through `run`: a server on 127.0.0.1 that is not the emulator gets smoke by default, which passes, nothing created, one exchange, no invalid attempt', async () => {
  const server = await startUnicoLike();
  try {
    const { collection, envJson } = generatedFor(server.url);
    const r = runSuites({
      collection,
      environments: [{ env: makeEnvironment('local', { identityUrl: server.url }), envJson }],
      secrets: { privateKeyPem: keys.pkcs8Pem, apiKey: API_KEY },
      reporters: [],
    });
    const consoleLines: string[] = [];
    r.on('console', (e: { message: string }) => consoleLines.push(e.message));
    const result = (await r.done).environments[0];
    expect(result).toMatchObject({ status: 'passed', suite: 'smoke', folders: [FOLDERS.token, FOLDERS.api], invalidAttempts: 0 });
    expect(result.failures).toEqual([]);
    expect(consoleLines).toContain(`IDCloud: ${server.url} did not identify itself as the emulator: treated as Unico (suite smoke, nothing created)`);
    expectSmokeAsUnicoSeesIt(server.arrived, consoleLines);
  } finally {
    await server.close();
  }
});
