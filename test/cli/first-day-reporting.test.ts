/**
 * A customer's first day (issue 20), in the run's reports: a refused exchange is said once (console, stderr,
 * JUnit, JSON, job summary, annotations) and the checks it kept from running are counted, not listed; skipped
 * requests are one line per group naming the flag, and counted everywhere; a wrapped collection tests its auth by
 * itself, and a run that checked nothing says so. The real CLI against the real emulator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli';
import { summaryRow, useAccountAndEmulators } from '../runner/emulator-fixture';

const { account, emulator } = useAccountAndEmulators();

const count = (text: string, needle: string) => text.split(needle).length - 1;

test('a key the account does not have: the refusal is said once everywhere; the checks it kept from running are counted', async () => {
  const strict = await emulator({ wrongPublicKey: true });
  const reportDir = path.join(account.dir, 'refused');
  const jobSummary = path.join(account.dir, 'refused-summary.md');
  const r = await runCli(
    ['run', '--env', `strict=${strict.url}`, '--suite', 'smoke', '--iss', account.iss, '--key', account.keyFile, '--report-dir', reportDir, '--reporters', 'cli,junit,json'],
    { env: { CI: 'true', GITHUB_STEP_SUMMARY: jobSummary, GITHUB_ACTIONS: 'true' } },
  );
  expect(r.exitCode).toBe(1);
  const reason = /^strict: (token endpoint answered 401 with 1\.2\.(?:5|21) \(.*check that the private key belongs to this service account.*\))$/m.exec(r.stdout)?.[1];
  expect(reason).toBeDefined();
  // The console summary: the reason once, no finding repeating it, the consequences counted.
  const summary = r.stdout.slice(r.stdout.indexOf('environment  suite'));
  expect(count(summary, reason!)).toBe(1);
  expect(summary).not.toMatch(/^strict: ✗/m);
  expect(summary).toMatch(/^strict: \d+ requests could not be checked for want of a token \(skipped, not findings\)$/m);
  expect(summaryRow(r.stdout, 'strict')).toMatchObject({ verdict: 'FAIL', failed: 1, invalid: 1 });
  expect(r.stderr).toBe(`idcloud-postman: strict: ${reason}\n`);
  // Annotations: one.
  expect(r.stdout.match(/^::error /gm)).toHaveLength(1);
  // Job summary: once.
  expect(count(fs.readFileSync(jobSummary, 'utf8'), 'check that the private key belongs to this service account')).toBe(1);
  // JUnit: one failure, and the top level counts the cases it lists and the skipped ones.
  const junit = fs.readFileSync(path.join(reportDir, 'idcloud-strict.junit.xml'), 'utf8');
  expect(count(junit, '<failure')).toBe(1);
  const root = /<testsuites tests="(\d+)" failures="1" skipped="(\d+)"/.exec(junit)!;
  expect(Number(root[1])).toBe(count(junit, '<testcase'));
  expect(Number(root[2])).toBeGreaterThan(0);
  // JSON: the verdict with its reason, once.
  const json = JSON.parse(fs.readFileSync(path.join(reportDir, 'idcloud-strict.json'), 'utf8'));
  expect(json.idcloud).toMatchObject({ verdict: 'FAIL', reason, invalidAttempts: 1 });
  expect(json.idcloud.noToken).toBeGreaterThan(0);
});

test('without --api-key: one line naming --api-key, and the skipped count in the row, JUnit, JSON and the job summary', async () => {
  const e = await emulator();
  const reportDir = path.join(account.dir, 'nokey');
  const jobSummary = path.join(account.dir, 'nokey-summary.md');
  const r = await runCli(
    ['run', '--env', `local=${e.url}`, '--suite', 'smoke', '--iss', account.iss, '--key', account.keyFile, '--report-dir', reportDir, '--reporters', 'cli,junit,json'],
    { env: { CI: 'true', GITHUB_STEP_SUMMARY: jobSummary } },
  );
  expect(r.exitCode).toBe(0);
  const row = summaryRow(r.stdout, 'local')!;
  expect(row).toMatchObject({ verdict: 'PASS', failed: 0 });
  expect(row.skipped).toBeGreaterThan(0);
  expect(r.stdout.match(/--api-key/g)).toHaveLength(1);
  expect(r.stdout).toMatch(new RegExp(`^local: ${row.skipped} by-Client requests skipped: no API key; give --api-key KEY \\(or IDCLOUD_API_KEY\\)`, 'm'));
  // No line per skipped request.
  expect(r.stdout).not.toMatch(/\(skipped\)$|skipped, api_key is empty/m);
  expect(fs.readFileSync(path.join(reportDir, 'idcloud-local.junit.xml'), 'utf8')).toMatch(new RegExp(`<testsuites [^>]*skipped="${row.skipped}"`));
  expect(JSON.parse(fs.readFileSync(path.join(reportDir, 'idcloud-local.json'), 'utf8')).idcloud).toMatchObject({ verdict: 'PASS', skippedFor: { 'no-api-key': row.skipped } });
  const md = fs.readFileSync(jobSummary, 'utf8');
  expect(md).toMatch(/\| skipped \|/);
  expect(md).toMatch(/by-Client requests skipped: no API key/);
});

test('a wrapped collection tests its auth by itself; a run that checked nothing says so instead of PASS', async () => {
  const e = await emulator();
  const dir = path.join(account.dir, 'wrapped');
  fs.mkdirSync(dir, { recursive: true });
  // The user's own collection: a request to the by-Unico API with a placeholder token, and no tests.
  const mine = {
    info: { name: 'Mine', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      { name: 'Get a process', request: { method: 'GET', url: 'https://api.idcloud.uat.unico.app/client/v1/process/00000000-0000-4000-8000-000000000000', auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] } } },
    ],
  };
  const input = path.join(dir, 'mine.postman_collection.json');
  fs.writeFileSync(input, JSON.stringify(mine));
  expect((await runCli(['wrap', input, '--out', path.join(dir, 'out'), '--env', 'uat', '--iss', account.iss])).exitCode).toBe(0);
  const wrapped = path.join(dir, 'out', 'mine.postman_collection.json');
  const ok = await runCli(['run', '--collection', wrapped, '--env', `local=${e.url}`, '--iss', account.iss, '--key', account.keyFile], { env: { CI: 'true' } });
  expect(ok.exitCode).toBe(0);
  expect(ok.stdout).toMatch(/✓ IDCloud: access token accepted/);
  expect(summaryRow(ok.stdout, 'local')).toMatchObject({ verdict: 'PASS', passed: 1 });

  // The same request for an account that may not read processes: the API refuses the token (403), exit 1.
  const refusing = await emulator({ account: { capabilities: [] } });
  const refused = await runCli(['run', '--collection', wrapped, '--env', `local=${refusing.url}`, '--iss', account.iss, '--key', account.keyFile], { env: { CI: 'true' } });
  expect(refused.exitCode).toBe(1);
  expect(refused.stdout).toMatch(/^local: ✗ Get a process › IDCloud: access token accepted: the API answered 403: it refused the auth layer's access token/m);

  // A collection whose only request goes elsewhere: nothing is checked, and the verdict says so.
  const elsewhere = { ...mine, item: [{ name: 'Elsewhere', request: { method: 'GET', url: `${e.url}/.well-known/openid-configuration` } }] };
  const other = path.join(dir, 'elsewhere.postman_collection.json');
  fs.writeFileSync(other, JSON.stringify(elsewhere));
  const none = await runCli(['run', '--collection', other, '--env', `local=${e.url}`, '--iss', account.iss, '--key', account.keyFile], { env: { CI: 'true' } });
  expect(none.exitCode).toBe(0);
  expect(summaryRow(none.stdout, 'local')).toMatchObject({ verdict: 'NO CHECKS' });
  expect(none.stdout).toMatch(/^local: nothing was checked/m);
});
