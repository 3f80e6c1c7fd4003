/**
 * `idcloud-postman demo`: the built CLI, no setup, into a temp folder. It passes, writes the collection,
 * the environment and the reports, prints their paths, and writes the key only when asked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasStackTrace, runCli } from '../helpers/cli';
import { listFiles } from '../leaks/scan';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-demo-cli-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('demo passes, writes collection + environment + reports, prints the paths, and no key', async () => {
  const out = path.join(tmp, 'demo');
  const r = await runCli(['demo', '--out', out], { env: { CI: 'true' } });
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
  expect(r.stdout).toMatch(/^local\s+all\s+\d+ ms\s+\d+\s+\d+\s+0\s+\d+\s+PASS$/m);
  expect(r.stdout).toMatch(/demo: PASS/);
  // Unico's rate limit is on by default, and the demo says how many 429s the collection waited out.
  expect(r.stdout).toMatch(/^emulator rate limit: 10 requests\/s \(Unico's is 10\); 429 answers waited out: \d+/m);
  expect(files.join('\n')).not.toMatch(/\.pem/);
});

test('demo --write-key writes the throwaway account (key 0600) and an emulator accounts file', async () => {
  const out = path.join(tmp, 'demo');
  const r = await runCli(['demo', '--out', out, '--write-key', '--reporters', 'cli', '--rate-limit', '0'], { env: { CI: 'true' } });
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toMatch(/^emulator rate limit: off \(--rate-limit 0\)$/m);
  expect(r.stdout).not.toMatch(/429 Too Many Requests/);
  const keyFile = path.join(out, 'account', 'demo.key.pem');
  expect(fs.readFileSync(keyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  const accounts = JSON.parse(fs.readFileSync(path.join(out, 'account', 'accounts.json'), 'utf8'));
  expect(accounts.accounts[0]).toMatchObject({ publicKey: 'demo.pub.pem', status: 'active' });
  expect(fs.existsSync(path.join(out, 'reports'))).toBe(false);
});

test('demo --flaw accept-expired: the suites catch the lenient emulator (exit 1)', async () => {
  const r = await runCli(['demo', '--out', path.join(tmp, 'flawed'), '--flaw', 'accept-expired', '--reporters', 'cli'], { env: { CI: 'true' } });
  expect(r.exitCode).toBe(1);
  expect(r.stdout).toMatch(/local: ✗ Expired exp \(1\.2\.4\)/);
  expect(r.stdout).toMatch(/demo: FAIL/);
});

test('demo --flaw with an unknown name is a usage error (exit 2, one line)', async () => {
  const r = await runCli(['demo', '--out', path.join(tmp, 'x'), '--flaw', 'accept-everything']);
  expect(r.exitCode).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(hasStackTrace(r.stderr)).toBe(false);
  expect(fs.existsSync(path.join(tmp, 'x'))).toBe(false);
});

test('demo --rate-limit that is not a whole number ≥ 0 is a usage error (exit 2, one line)', async () => {
  const r = await runCli(['demo', '--out', path.join(tmp, 'y'), '--rate-limit', '-1']);
  expect(r.exitCode).toBe(2);
  expect(r.stderr.trim()).toMatch(/^[^\n]*--rate-limit: "-1" must be a whole number ≥ 0 \(0 = off\)$/);
  expect(fs.existsSync(path.join(tmp, 'y'))).toBe(false);
});
