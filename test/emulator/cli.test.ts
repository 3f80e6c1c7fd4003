/**
 * `idcloud-postman emulator` as users run it: the real binary spawned (needs `npm run build`), the
 * listening line, one exchange, SIGTERM → exit 0; bad input (in process) → one line, exit 2.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli';
import { TEST_ISS, testKeyPair } from '../helpers/keys';
import { advanceClock, bearer, claims, exchange, postJson, request, signRs256, startTestEmulator, unicoProcessBody } from './support';

const BIN = path.resolve(__dirname, '../../bin/idcloud-postman.js');
let dir: string;
let accountsFile: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-cli-'));
  fs.writeFileSync(path.join(dir, 'svc.pub.pem'), testKeyPair().spkiPem);
  accountsFile = path.join(dir, 'accounts.json');
  fs.writeFileSync(accountsFile, JSON.stringify({ accounts: [{ iss: TEST_ISS, publicKey: 'svc.pub.pem', apiKey: 'k' }] }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function waitForListening(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (match) {
        child.stdout.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`emulator exited early with ${code}: ${out}`)));
  });
}

test('serves until SIGTERM, logs each request, exits 0', async () => {
  const child = spawn(process.execPath, [BIN, 'emulator', '--port', '0', '--accounts', accountsFile, '--lang', 'en', '--process-seconds', '60'], { stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await waitForListening(child);
  const assertion = signRs256(claims(url));
  const ok = await exchange(url, assertion);
  expect(ok.status).toBe(200);
  const replay = await exchange(url, assertion);
  expect(replay.json).toEqual({ error: 'server_error', error_description: 'Authentication failed (1.2.7)' });
  // --process-seconds: a created process finishes by itself 60 s (of the product clock) later.
  const auth = bearer(ok.json.access_token);
  const created = await postJson(`${url}/client/v1/process`, unicoProcessBody(), auth);
  await advanceClock(url, 61);
  expect((await request(`${url}/client/v1/process/${created.json.process.id}`, { headers: auth })).json.process.state).toBe('PROCESS_STATE_FINISHED');
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(stdout).toContain('POST /oauth2/token 200\n');
  expect(stdout).toContain('POST /oauth2/token 401 1.2.7 (replay)\n');
  expect(stdout).not.toContain(assertion.split('.')[2]);
  expect(stdout).not.toContain(ok.json.access_token.split('.')[2]);
  expect(stderr).toBe('');
});

// Bad input is the CLI's own handling (main returns 2 after one line): in process (helpers/cli.ts runCli); the
// binary's exit code is the one main returns (the serving test above).
test.each([
  ['a missing accounts file', ['--accounts', 'does-not-exist.json'], /^idcloud-postman: --accounts: cannot read does-not-exist\.json/],
  ['an unknown flaw', ['--flaw', 'accept-everything'], /flaw.*"accept-everything" is not a flaw/],
  ['a bad port', ['--port', '70000'], /port \(--port\)/],
  ['an unknown language', ['--lang', 'es'], /lang \(--lang\): "es" is not pt or en/],
  ['a negative --process-seconds', ['--process-seconds', '-1'], /processSeconds \(--process-seconds\): "-1" must be a whole number from 0 up/],
  ['no accounts option', [], /accounts/],
])('%s: one line on stderr, exit 2', async (_name, extra, message) => {
  const args = extra.includes('--accounts') || extra.length === 0 ? extra : ['--accounts', accountsFile, ...extra];
  const result = await runCli(['emulator', '--port', '0', ...args], { timeoutMs: 20_000 });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stdout).not.toContain('listening');
});

test('a port already in use: one line, exit 2', async () => {
  const blocker = await startTestEmulator();
  try {
    const result = await runCli(['emulator', '--port', String(blocker.port), '--accounts', accountsFile], { timeoutMs: 20_000 });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`port ${blocker.port} is already in use`));
  } finally {
    await blocker.close();
  }
});
