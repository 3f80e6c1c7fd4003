/**
 * `idcloud-postman demo`: the built CLI in process, no setup, into a temp folder. It passes, writes the collection,
 * the environment and the reports, prints their paths, and writes the key only when asked; with a flaw it
 * fails; and it writes no secret outside the account it was asked to write.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CliResult, hasStackTrace, runCli } from '../helpers/cli';
import { serveEmulatorProcess } from './emulator-process';
import { runNewman } from '../helpers/postman-runtimes';
import { onlyFolders } from '../e2e-collection/support';
import { startRecordingProxy } from '../leaks/recording-proxy';
import { fileSources, findLeaks, listFiles, Needle, pemNeedles, withoutPublicConstants } from '../leaks/scan';

// One folder for the file (concurrent tests): each test writes under its own name in it.
let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-demo-cli-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test.concurrent('demo passes, writes collection + environment + reports, prints the paths, and no key; in GitHub Actions the job summary too', async () => {
  const out = path.join(tmp, 'demo');
  const jobSummary = path.join(tmp, 'step-summary.md');
  const r = await runCli(['demo', '--out', out], { env: { CI: 'true', GITHUB_STEP_SUMMARY: jobSummary } });
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  const files = listFiles(out).map((f) => path.relative(out, f)).sort();
  expect(files).toEqual([
    'idcloud-local.postman_environment.json',
    'idcloud.postman_collection.json',
    path.join('reports', 'idcloud-local.html'),
    path.join('reports', 'idcloud-local.json'),
    path.join('reports', 'idcloud-local.junit.xml'),
  ]);
  expect(r.stdout).toContain(`wrote ${path.join(out, 'idcloud.postman_collection.json')}`);
  expect(r.stdout).toContain(path.join(out, 'reports', 'idcloud-local.junit.xml'));
  expect(r.stdout).toMatch(/^local\s+all\s+\d+ ms\s+\d+\s+\d+\s+0\s+\d+\s+\d+\s+PASS$/m);
  expect(r.stdout).toMatch(/demo: PASS/);
  // Unico's rate limit is on by default, and the demo says how many 429s the collection waited out.
  expect(r.stdout).toMatch(/^emulator rate limit: 10 requests\/s \(Unico's is 10\); 429 answers waited out: \d+/m);
  expect(files.join('\n')).not.toMatch(/\.pem/);
  // Like `run`: the run's Markdown summary appended to the job's page, one row for the emulator's environment.
  expect(fs.readFileSync(jobSummary, 'utf8')).toMatch(/^### idcloud-postman run — all passed \(exit 0\)\n[\s\S]*^\| local \| all \|.*\| ✅ PASS \|$/m);
});

// The demo runs every suite: two runs here (the default; and every other option at once, through a recording
// proxy for the leak scan of test/leaks, whose files the first-day test then sends with) and the library run of
// test/demo/demo.test.ts, concurrently.
interface FlawedDemo {
  out: string;
  result: CliResult;
  secrets: Needle[];
}
let flawedDemo: Promise<FlawedDemo> | undefined;
/** `demo --write-key --rate-limit 0 --flaw accept-expired` through a recording proxy (the CLI's HTTP_PROXY), once for the tests that read it. */
const runFlawedDemo = (): Promise<FlawedDemo> => (flawedDemo ??= (async () => {
  const out = path.join(tmp, 'flawed');
  const proxy = await startRecordingProxy();
  try {
    const result = await runCli(['demo', '--out', out, '--write-key', '--rate-limit', '0', '--flaw', 'accept-expired'], { env: { HTTP_PROXY: proxy.url, NO_PROXY: '', CI: 'true' } });
    return { out, result, secrets: proxy.secrets() };
  } finally {
    await proxy.close();
  }
})());

test.concurrent('demo --write-key --rate-limit 0 --flaw accept-expired: exit 1 naming the case; the account (key 0600) and an accounts file; zero secrets outside them (every reporter)', async () => {
  const { out, result: r, secrets } = await runFlawedDemo();
  // The suites catch the lenient emulator.
  expect(r.exitCode).toBe(1);
  expect(r.stdout).toMatch(/local: ✗ Expired exp \(1\.2\.4\)/);
  expect(r.stdout).toMatch(/demo: FAIL/);
  expect(r.stdout).toMatch(/^emulator rate limit: off \(--rate-limit 0\)$/m);
  expect(r.stdout).not.toMatch(/429 Too Many Requests/);
  const keyFile = path.join(out, 'account', 'demo.key.pem');
  const pem = fs.readFileSync(keyFile, 'utf8');
  expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  const accounts = JSON.parse(fs.readFileSync(path.join(out, 'account', 'accounts.json'), 'utf8'));
  expect(accounts.accounts[0]).toMatchObject({ publicKey: 'demo.pub.pem', status: 'active' });

  // No secret leaves the process: every file written outside the account folder and all console output are
  // searched for the key, the API key and each assertion and access token that crossed the wire.
  const apiKey = accounts.accounts[0].apiKey as string;
  const recorded = withoutPublicConstants(secrets, fs.readFileSync(path.join(out, 'idcloud.postman_collection.json'), 'utf8'));
  expect(recorded.filter((s) => s.label.startsWith('access token')).length).toBeGreaterThan(0);
  const written = fileSources([out]).filter((s) => !s.where.startsWith(path.join(out, 'account')));
  expect(written.map((s) => path.relative(out, s.where))).toEqual(expect.arrayContaining([path.join('reports', 'idcloud-local.html')]));
  const needles = [...pemNeedles(pem), { label: 'api key', value: apiKey }, ...recorded];
  expect(findLeaks([{ where: 'stdout', text: r.stdout }, { where: 'stderr', text: r.stderr }, ...written], needles)).toEqual([]);
});

// A customer's first day (issue 20): from the demo to "import and send". Not concurrent: Jest refuses Newman's
// first (lazy) require while concurrent tests are between their awaits.
test("the demo's environment file points where `emulator --accounts` serves the demo's account; Newman sends with it", async () => {
  const { out, result: demo } = await runFlawedDemo();
  const accountsFile = path.join(out, 'account', 'accounts.json');
  const environmentFile = path.join(out, 'idcloud-local.postman_environment.json');
  expect(demo.stdout).toContain(`next: idcloud-postman emulator --accounts ${accountsFile}`);
  const environment = JSON.parse(fs.readFileSync(environmentFile, 'utf8'));
  const value = (key: string) => environment.values.find((v: { key: string }) => v.key === key)?.value;
  expect(value('identity_url')).toBe('http://127.0.0.1:8780');
  expect(value('iss')).toBe(JSON.parse(fs.readFileSync(path.join(out, 'account', 'demo.payload.json'), 'utf8')).iss);

  // The emulator's port 8780 may be taken on a test machine: the same files, with the URLs moved to a free port.
  const emulator = await serveEmulatorProcess(accountsFile);
  try {
    const envValues: Record<string, string> = Object.fromEntries(environment.values.map((v: { key: string; value: string }) => [v.key, v.value]));
    envValues.private_key = fs.readFileSync(path.join(out, 'account', 'demo.key.pem'), 'utf8');
    for (const key of ['identity_url', 'unico_api_url', 'client_api_url', 'sign_api_url']) envValues[key] = emulator.url;
    const collection = JSON.parse(fs.readFileSync(path.join(out, 'idcloud.postman_collection.json'), 'utf8'));
    const sent = await runNewman(onlyFolders(collection, ['Token', 'API']), { envValues });
    expect(sent.failures).toEqual([]);
    expect(sent.assertions).toBeGreaterThan(10);
  } finally {
    await emulator.stop();
  }
});

test.concurrent('demo --flaw with an unknown name is a usage error (exit 2, one line)', async () => {
  const r = await runCli(['demo', '--out', path.join(tmp, 'x'), '--flaw', 'accept-everything']);
  expect(r.exitCode).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(hasStackTrace(r.stderr)).toBe(false);
  expect(fs.existsSync(path.join(tmp, 'x'))).toBe(false);
});

test.concurrent('demo --rate-limit that is not a whole number ≥ 0 is a usage error (exit 2, one line)', async () => {
  const r = await runCli(['demo', '--out', path.join(tmp, 'y'), '--rate-limit', '-1']);
  expect(r.exitCode).toBe(2);
  expect(r.stderr.trim()).toMatch(/^[^\n]*--rate-limit: "-1" must be a whole number ≥ 0 \(0 = off\)$/);
  expect(fs.existsSync(path.join(tmp, 'y'))).toBe(false);
});
