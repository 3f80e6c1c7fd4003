/**
 * Webhooks received by a second real HTTP server on loopback: the payload, each auth type, a retry after a
 * failing first attempt, giving up after the last attempt, announcements of processes that finish by
 * themselves, and log lines that never carry the webhook's credentials.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorAccount, RunningEmulator } from '../../../src/emulator';
import { WEBHOOK_ATTEMPTS } from '../../../src/emulator/product/webhooks';
import { testKeyPair } from '../../helpers/keys';
import { accessToken, advanceClock, bearer, finishProcess, issAt, postJson, standardAccounts, startTestEmulator, unicoProcessBody } from '../support';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

const PASSWORD = 'hook-password-123';
const HOOK_KEY = 'hook-key-value-456';
const received: Received[] = [];
const waiters: (() => void)[] = [];
/** Per path: the statuses to answer, in order; the last one repeats. */
const script: Record<string, number[]> = { '/basic': [204], '/key': [200], '/none': [200], '/flaky': [500, 200], '/down': [503] };

let receiver: http.Server;
let emulator: RunningEmulator;
const lines: string[] = [];
const tokens: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      received.push({ path, headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      const statuses = script[path] ?? [404];
      const count = received.filter((r) => r.path === path).length;
      res.writeHead(statuses[Math.min(count, statuses.length) - 1]).end();
      waiters.splice(0).forEach((wake) => wake());
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hook = (path: string) => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}${path}`;
  const closedPort = await freePort();
  const publicKey = testKeyPair().spkiPem;
  const accounts: EmulatorAccount[] = [
    { iss: issAt('hookbasic'), publicKey, webhook: { url: hook('/basic'), auth: { type: 'basic', username: 'unico', password: PASSWORD } } },
    { iss: issAt('hookkey'), publicKey, webhook: { url: hook('/key'), auth: { type: 'apikey', header: 'X-Hook-Key', value: HOOK_KEY } } },
    { iss: issAt('hooknone'), publicKey, webhook: { url: hook('/none'), auth: { type: 'none' } } },
    { iss: issAt('hookflaky'), publicKey, webhook: { url: hook('/flaky') } },
    { iss: issAt('hookdown'), publicKey, webhook: { url: hook('/down') } },
    { iss: issAt('hookrefused'), publicKey, webhook: { url: `http://localhost:${closedPort}/gone` } },
  ];
  emulator = await startTestEmulator({ accounts: [...standardAccounts(), ...accounts], log: (line) => lines.push(line) });
  for (const account of accounts) tokens[account.iss.split('@')[0]] = bearer(await accessToken(emulator.url, { iss: account.iss }));
});
afterAll(async () => {
  await emulator.close();
  await new Promise((resolve) => receiver.close(resolve));
});

function freePort(): Promise<number> {
  const server = http.createServer();
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    server.close(() => resolve(port));
  }));
}

/** Waits (bounded by the test timeout) until `count` deliveries reached `path`. */
async function deliveries(path: string, count: number): Promise<Received[]> {
  for (;;) {
    const got = received.filter((r) => r.path === path);
    if (got.length >= count) return got;
    await new Promise<void>((resolve) => waiters.push(resolve));
  }
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function createAndFinish(account: string, result = 'PROCESS_RESULT_OK', body = unicoProcessBody()): Promise<string> {
  const created = await postJson(`${emulator.url}/client/v1/process`, body, tokens[account]);
  await finishProcess(emulator.url, created.json.process.id, result);
  return created.json.process.id;
}

test('on finishing: POST {processId, state, flow} as JSON with Basic auth, once', async () => {
  const id = await createAndFinish('hookbasic');
  const [delivery] = await deliveries('/basic', 1);
  expect(delivery.body).toEqual({ processId: id, state: 'PROCESS_STATE_FINISHED', flow: 'idcheck' });
  expect(delivery.headers['content-type']).toBe('application/json');
  expect(delivery.headers.authorization).toBe(`Basic ${Buffer.from(`unico:${PASSWORD}`).toString('base64')}`);
});

test('API key auth sends the configured header; none sends no Authorization', async () => {
  const [keyId, noneId] = await Promise.all([createAndFinish('hookkey', 'PROCESS_RESULT_ERROR'), createAndFinish('hooknone')]);
  const [[key], [none]] = await Promise.all([deliveries('/key', 1), deliveries('/none', 1)]);
  expect(key.body).toEqual({ processId: keyId, state: 'PROCESS_STATE_FAILED', flow: 'idcheck' });
  expect(key.headers['x-hook-key']).toBe(HOOK_KEY);
  expect(key.headers.authorization).toBeUndefined();
  expect(none.body).toMatchObject({ processId: noneId });
  expect(none.headers.authorization).toBeUndefined();
});

test('a failing first attempt is retried: 500, then delivered', async () => {
  const id = await createAndFinish('hookflaky');
  const got = await deliveries('/flaky', 2);
  expect(got.map((r) => r.body)).toEqual([{ processId: id, state: 'PROCESS_STATE_FINISHED', flow: 'idcheck' }, { processId: id, state: 'PROCESS_STATE_FINISHED', flow: 'idcheck' }]);
  await until(() => lines.some((l) => l.includes('/flaky 200')));
  expect(lines.filter((l) => l.includes('/flaky'))).toEqual([
    expect.stringMatching(/^WEBHOOK 127\.0\.0\.1:\d+\/flaky 500 \(attempt 1\/4, retrying\)$/),
    expect.stringMatching(/^WEBHOOK 127\.0\.0\.1:\d+\/flaky 200 \(attempt 2\/4, delivered\)$/),
  ]);
});

test(`a receiver that keeps failing or refuses connections: ${WEBHOOK_ATTEMPTS} attempts each, then given up`, async () => {
  const before = emulator.stats().webhooksFailed;
  await Promise.all([createAndFinish('hookdown'), createAndFinish('hookrefused')]);
  await deliveries('/down', WEBHOOK_ATTEMPTS);
  await until(() => emulator.stats().webhooksFailed === before + 2);
  expect(received.filter((r) => r.path === '/down')).toHaveLength(WEBHOOK_ATTEMPTS);
  expect(lines.filter((l) => l.includes('/down')).at(-1)).toMatch(/503 \(attempt 4\/4, giving up\)$/);
  expect(lines.filter((l) => l.includes('/gone'))).toEqual(Array.from({ length: 4 }, (_, i) => expect.stringMatching(new RegExp(`/gone ECONNREFUSED \\(attempt ${i + 1}/4`))));
});

test('a process that finishes by itself (expiry on the product clock) is announced without anyone reading it', async () => {
  const created = await postJson(`${emulator.url}/client/v1/process`, unicoProcessBody({ expiresIn: '60s', flow: 'iddocs' }), tokens.hooknone);
  const before = received.filter((r) => r.path === '/none').length;
  await advanceClock(emulator.url, 61);
  const got = await deliveries('/none', before + 1);
  expect(got.at(-1)?.body).toEqual({ processId: created.json.process.id, state: 'PROCESS_STATE_FINISHED', flow: 'iddocs' });
});

test('no log line carries a webhook credential; stats count deliveries; a delivered webhook is sent once', async () => {
  // basic, key, none, flaky (on its 2nd attempt), the expired process's.
  await until(() => emulator.stats().webhooksDelivered === 5);
  expect(lines.join('\n')).not.toMatch(new RegExp(`${PASSWORD}|${HOOK_KEY}|${Buffer.from(`unico:${PASSWORD}`).toString('base64')}`));
  expect(received.filter((r) => r.path === '/basic')).toHaveLength(1);
});
