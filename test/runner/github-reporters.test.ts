/**
 * CI verdicts where people look, end to end: the built CLI in a GitHub-Actions-like environment
 * (GITHUB_STEP_SUMMARY names a file, GITHUB_ACTIONS=true) against real emulators — one that accepts expired
 * assertions (a finding) and a port where nothing listens (an outage). The job summary is appended to the file
 * and read back as a Markdown table; each failed check is an `::error` line on stdout in GitHub's format; and
 * neither holds a secret that crossed the wire (recorded by a proxy the CLI's Newman goes through).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RunningEmulator } from '../../src/emulator';
import { hasStackTrace, runCli } from '../helpers/cli';
import { findLeaks, pemNeedles } from '../leaks/scan';
import { startRecordingProxy } from '../leaks/recording-proxy';
import { startTestEmulator } from '../helpers/emulator';
import { summaryRow, testAccount, TestAccount } from './emulator-fixture';
import { closedPortUrl } from './fixtures';
import { markdownTables } from './markdown-table';

let account: TestAccount;
let emulators: RunningEmulator[];
beforeAll(async () => {
  account = testAccount();
  emulators = await Promise.all([startTestEmulator({ flaws: ['accept-expired'] }), startTestEmulator()]);
});
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
  account.cleanup();
});

test('GitHub Actions: the job summary appended as a Markdown table, one ::error per failed check, nothing secret', async () => {
  const [lenient, good] = emulators;
  const summaryFile = path.join(account.dir, 'step-summary.md');
  fs.writeFileSync(summaryFile, '## an earlier step\n\n');
  const quietSummary = path.join(account.dir, 'quiet-summary.md');
  const proxy = await startRecordingProxy();
  const credentials = ['--iss', account.iss, '--key', account.keyFile, '--api-key', account.apiKey];
  // The dead environment is reached directly (NO_PROXY names its host:port), as an unreachable host is.
  const dead = await closedPortUrl();
  const actions = { CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile, HTTP_PROXY: proxy.url, NO_PROXY: new URL(dead).host };
  try {
    const [r, quiet, misused] = await Promise.all([
      // --reporters names neither: they join by themselves.
      // In process: the proxy reaches Newman through io.env, as the binary hands it on (test/leaks/leaks.test.ts).
      runCli(['run', '--env', `lenient=${lenient.url}`, '--env', `dead=${dead}`, ...credentials, '--suite', 'errors', '--reporters', 'cli'], { env: actions }),
      runCli(['run', '--env', `good=${good.url}`, ...credentials, '--suite', 'smoke'], { env: { CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: quietSummary } }),
      runCli(['run', '--env', `good=${good.url}`, ...credentials, '--reporters', 'cli,github-summary']),
    ]);
    expect(r.exitCode).toBe(1);
    expect(summaryRow(r.stdout, 'lenient')).toMatchObject({ verdict: 'FAIL' });

    // The file: what was there, then our block; its first table has one row per environment.
    const text = fs.readFileSync(summaryFile, 'utf8');
    expect(text.startsWith('## an earlier step\n\n### idcloud-postman run — a test failed (exit 1); not tested: dead (unreachable)\n')).toBe(true);
  const [table, failures] = markdownTables(text);
    expect(table.header).toEqual(['environment', 'suite', 'token exchange', 'requests', 'passed', 'failed', 'skipped', 'invalid attempts', 'verdict']);
    const rows = Object.fromEntries(table.rows.map((row) => [row[0], row]));
    expect(Object.keys(rows)).toEqual(['lenient', 'dead']);
    const consoleRow = summaryRow(r.stdout, 'lenient')!;
    expect(rows.lenient.slice(3)).toEqual([String(consoleRow.requests), String(consoleRow.passed), String(consoleRow.failed), String(consoleRow.skipped), String(consoleRow.invalid), '❌ FAIL']);
    expect(rows.dead[8]).toBe('⚠️ UNREACHABLE');
    expect(failures.header).toEqual(['request', 'check', 'message']);
    expect(failures.rows.map((row) => row[0])).toContain('Expired exp (1.2.4)');
    expect(failures.rows.length).toBe(consoleRow.failed);
    expect(text).toMatch(/^#### dead: UNREACHABLE\n\nhttp:\/\/127\.0\.0\.1:\d+ is unreachable: connection refused/m);

    // The annotations: one line each, GitHub's format, the same checks as the table.
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.length).toBe(consoleRow.failed + 1);
    for (const line of annotations) expect(line).toMatch(/^::error title=idcloud (lenient|dead)%3A [^:]+::\S.*$/);
    expect(annotations).toContainEqual(expect.stringMatching(/^::error title=idcloud lenient%3A Expired exp \(1\.2\.4\) › [^:]+::.+1\.2\.4/));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error title=idcloud dead%3A UNREACHABLE::http:\/\/127\.0\.0\.1:\d+ is unreachable: connection refused/));

    // A passing run in Actions: a summary block, no annotation.
    expect(quiet.exitCode).toBe(0);
    expect(quiet.stdout).not.toMatch(/^::/m);
    expect(markdownTables(fs.readFileSync(quietSummary, 'utf8'))[0].rows.map((row) => [row[0], row[8]])).toEqual([['good', '✅ PASS']]);
    // Named outside Actions: a usage error, in one line, before anything runs.
    expect(misused.exitCode).toBe(2);
    expect(misused.stderr).toBe("idcloud-postman: --reporters github-summary: GITHUB_STEP_SUMMARY is not set; GitHub Actions sets it to the job summary's file\n");

    const recorded = proxy.secrets();
    expect(recorded.filter((s) => s.label.startsWith('access token')).length).toBeGreaterThan(0);
    const needles = [...pemNeedles(account.pem), { label: 'api key', value: account.apiKey }, ...recorded];
    expect(findLeaks([{ where: 'summary', text }, { where: 'stdout', text: r.stdout }, { where: 'stderr', text: r.stderr }], needles)).toEqual([]);
    for (const out of [r, quiet, misused]) expect(hasStackTrace(out.stdout + out.stderr)).toBe(false);
  } finally {
    await proxy.close();
  }
});
