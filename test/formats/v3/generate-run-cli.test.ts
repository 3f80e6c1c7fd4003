/**
 * `generate --format v3` and `run --collection DIR` as users run them (the built CLI in a child process): the
 * layout under --out, byte-identical output run to run, a directory an earlier generate wrote replaced as a whole,
 * anything else refused (exit 2, untouched), and the generated directory run by Newman against the real emulator
 * with every file reporter.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { hasStackTrace, runCli } from '../../helpers/cli';
import { fileTree } from '../../helpers/file-tree';
import { startTestEmulator } from '../../helpers/emulator';
import { summaryRow, testAccount, TestAccount } from '../../runner/emulator-fixture';

const COLLECTION_DIR = path.join('postman', 'collections', 'Unico IDCloud authentication');
let account: TestAccount;
beforeAll(() => {
  account = testAccount();
});
afterAll(() => account.cleanup());

const generate = (out: string, ...extra: string[]) => runCli(['generate', '--format', 'v3', '--out', out, '--env', 'uat', '--env', 'local=http://127.0.0.1:8780', '--iss', account.iss, ...extra]);

test('generate --format v3: the layout, byte-identical on a second run, an earlier output replaced as a whole, leftovers of an interrupted run removed', async () => {
  const out = path.join(account.dir, 'repo');
  const first = await generate(out);
  expect(first.stderr).toBe('');
  expect(first.exitCode).toBe(0);
  expect(first.stdout).toBe(
    [`wrote ${path.join(out, COLLECTION_DIR)}`, `wrote ${path.join(out, 'postman', 'environments', 'idcloud-uat.environment.yaml')}`, `wrote ${path.join(out, 'postman', 'environments', 'idcloud-local.environment.yaml')}`, ''].join('\n'),
  );
  const files = fileTree(out);
  expect([...files.keys()].filter((f) => f.endsWith('.request.yaml'))).toHaveLength(62);
  expect(fs.statSync(path.join(out, 'postman', 'environments', 'idcloud-uat.environment.yaml')).mode & 0o777).toBe(0o600);
  // A file the app (or a user) left in the generated directory goes with the rest: the directory is replaced whole.
  fs.writeFileSync(path.join(out, COLLECTION_DIR, 'Token', 'stale.request.yaml'), '$kind: http-request\n');
  // And what an interrupted run left beside it (its temp directory) goes too.
  fs.mkdirSync(path.join(out, 'postman', 'collections', '.Unico IDCloud authentication.99999.tmp', 'Token'), { recursive: true });
  const second = await generate(out);
  expect(second.exitCode).toBe(0);
  expect(fileTree(out)).toEqual(files);
  expect(fs.readdirSync(path.join(out, 'postman', 'collections'))).toEqual(['Unico IDCloud authentication']);
});

test('generate --format v3 refuses a collection directory it did not write (exit 2, one line, untouched)', async () => {
  const out = path.join(account.dir, 'foreign');
  const theirs = path.join(out, COLLECTION_DIR);
  fs.mkdirSync(path.join(theirs, '.resources'), { recursive: true });
  fs.writeFileSync(path.join(theirs, '.resources', 'definition.yaml'), '$kind: collection\n');
  fs.writeFileSync(path.join(theirs, 'mine.request.yaml'), '$kind: http-request\nurl: x\n');
  const before = fileTree(out);
  const r = await generate(out);
  expect(r.exitCode).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(`--out: ${theirs} already exists and is not a collection directory idcloud-postman wrote`);
  expect(hasStackTrace(r.stderr)).toBe(false);
  expect(fileTree(out)).toEqual(before);
});

test('run --collection DIR --env FILE.environment.yaml: the v3 directory converted in memory, run by Newman, with junit and json reports', async () => {
  const emulator = await startTestEmulator();
  try {
    const out = path.join(account.dir, 'run');
    expect((await runCli(['generate', '--format', 'v3', '--out', out, '--env', `local=${emulator.url}`, '--iss', account.iss])).exitCode).toBe(0);
    const reportDir = path.join(account.dir, 'reports');
    const r = await runCli(
      // The environment as generated, read from its YAML file.
      ['run', '--collection', path.join(out, COLLECTION_DIR), '--env', path.join(out, 'postman', 'environments', 'idcloud-local.environment.yaml'), '--iss', account.iss, '--key', account.keyFile, '--api-key', account.apiKey, '--suite', 'smoke', '--report-dir', reportDir, '--reporters', 'cli,junit,json'],
      { timeoutMs: 55_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(summaryRow(r.stdout, 'local')).toEqual({ requests: 32, passed: 36, failed: 0, skipped: 0, invalid: 0, verdict: 'PASS' });
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(fs.readFileSync(path.join(reportDir, 'idcloud-local.junit.xml'), 'utf8'));
    const suites = [xml.testsuites.testsuite].flat() as { tests: string }[];
    expect(suites.reduce((sum, s) => sum + Number(s.tests), 0)).toBe(36);
    expect(JSON.parse(fs.readFileSync(path.join(reportDir, 'idcloud-local.json'), 'utf8')).run.stats.assertions).toMatchObject({ total: 36, failed: 0 });
  } finally {
    await emulator.close();
  }
});

test('run --collection DIR that is not a v3 collection: exit 2, one line naming it', async () => {
  const r = await runCli(['run', '--collection', account.dir, '--env', 'local=http://127.0.0.1:9', '--iss', account.iss, '--key', account.keyFile]);
  expect(r.exitCode).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(`${account.dir}: not a Postman Collection format v3 directory`);
});
