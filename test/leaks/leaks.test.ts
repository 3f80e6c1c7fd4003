/**
 * No secret leaves the process, and scrubbing never mangles prose, in one `run` of the CLI as users start it
 * (every reporter; a passing, a failing, a 401, an outage and an unreachable environment): every file written and
 * all console output are searched for the private key (body and each base64 line), the API key, and each
 * assertion and access token that actually crossed the wire — recorded by an HTTP proxy the CLI's Newman goes
 * through — plus any JWT-shaped string at all. Zero hits. And every message the suites produce there (each check's
 * name and failure, each script's console line), passing and failing, keeps its words: nothing secret is written
 * by the generated collection's scripts, so any [REDACTED] would be prose the scrubber took for a secret.
 * (The demo's leak scan rides on its CLI run in test/cli/demo.test.ts.)
 *
 * The run is in process (`main(argv, io)`, the binary's proxy variables in io.env); that the binary itself hands
 * the proxy on (to io.env only) is proved by a child process in test/network/proxy-ca.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningEmulator } from '../../src/emulator';
import { EMULATOR_FLAWS, EmulatorFlaw } from '../../src/emulator/flaws';
import { REDACTED } from '../../src/runner';
import { CliResult, runCli } from '../helpers/cli';
import { closedPortUrl } from '../runner/fixtures';
import { startTestEmulator } from '../helpers/emulator';
import { summaryRow, testAccount, TestAccount } from '../runner/emulator-fixture';
import { RecordingProxy, startRecordingProxy } from './recording-proxy';
import { fileSources, findLeaks, listFiles, Needle, pemNeedles, withoutPublicConstants } from './scan';
import { generateCollection } from '../../src/collection';
import { makeEnvironment } from '../../src/environments';

function generatedCollectionText(iss: string): string {
  return JSON.stringify(generateCollection({ environments: [makeEnvironment('x', { identityUrl: 'http://127.0.0.1:1' })], iss }).collection);
}

interface JsonReport {
  run: {
    executions: { assertions?: { assertion: string; error?: { message?: string } }[] }[];
    failures: { error?: { message?: string } }[];
  };
}

const ENVIRONMENTS = ['good', 'flawed', 'wrongkey', 'outage'] as const;

describe('run with every reporter: passing, failing, 401, outage and unreachable environments', () => {
  let account: TestAccount;
  let emulators: RunningEmulator[];
  let proxy: RecordingProxy;
  let tmp: string;
  let reportDir: string;
  let r: CliResult;
  let recorded: Needle[];

  beforeAll(async () => {
    account = testAccount();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-leaks-'));
    reportDir = path.join(tmp, 'reports');
    // The strict emulator (every check passes), one with every flaw at once (most checks fail), a key the server
    // does not know (no token: the API cases send `Bearer `) and a token endpoint answering 503 HTML (an outage).
    emulators = await Promise.all([
      startTestEmulator(),
      startTestEmulator({ flaws: Object.keys(EMULATOR_FLAWS) as EmulatorFlaw[] }),
      startTestEmulator({ wrongPublicKey: true }),
      startTestEmulator({ outage: { status: 503, body: '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>' } }),
    ]);
    proxy = await startRecordingProxy();
    // The dead environment is reached directly (NO_PROXY names its host:port): through the proxy a refused
    // connection would come back as the proxy's 502, an outage rather than an unreachable host.
    const dead = await closedPortUrl();
    r = await runCli(
      ['run', ...ENVIRONMENTS.flatMap((name, i) => ['--env', `${name}=${emulators[i].url}`]), '--env', `dead=${dead}`,
        '--iss', account.iss, '--key', account.keyFile, '--api-key', account.apiKey,
        '--report-dir', reportDir, '--reporters', 'cli,junit,json,htmlextra'],
      { env: { HTTP_PROXY: proxy.url, NO_PROXY: new URL(dead).host, CI: 'true' } },
    );
    recorded = withoutPublicConstants(proxy.secrets(), generatedCollectionText(account.iss));
  });
  afterAll(async () => {
    await Promise.all([...(emulators ?? []).map((e) => e.close()), proxy?.close()]);
    account?.cleanup();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('the runs meant something: a pass, findings, a rejected key, an outage, an unreachable host', () => {
    // A failure beats an outage: exit 1, the environments not tested named in the verdict.
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^verdict: a test failed \(exit 1\); not tested: outage \(unavailable\), dead \(unreachable\)$/m);
    expect(summaryRow(r.stdout, 'good')).toMatchObject({ verdict: 'PASS' });
    expect(summaryRow(r.stdout, 'flawed')).toMatchObject({ verdict: 'FAIL' });
    expect(summaryRow(r.stdout, 'flawed')!.failed).toBeGreaterThan(10);
    expect(summaryRow(r.stdout, 'wrongkey')).toMatchObject({ verdict: 'FAIL' });
    // The refused exchange is the environment's reason, said once (not one finding per check it stopped).
    expect(r.stdout).toMatch(/^wrongkey: token endpoint answered 401 with 1\.2\.(5|21) /m);
    expect(summaryRow(r.stdout, 'outage')).toMatchObject({ verdict: 'UNAVAILABLE' });
    expect(summaryRow(r.stdout, 'dead')).toMatchObject({ verdict: 'UNREACHABLE' });
    // Every environment's traffic went through the proxy, the dead one's excepted.
    expect(recorded.filter((s) => s.label.startsWith('assertion')).length).toBeGreaterThan(10);
  });

  test('zero secrets in reports and console', () => {
    // The test means something only if real secrets crossed the wire.
    expect(recorded.filter((s) => s.label.startsWith('access token')).length).toBeGreaterThan(1);
    expect(recorded.some((s) => s.label.startsWith('APIKEY header'))).toBe(true);
    const files = listFiles(reportDir);
    expect(files.map((f) => path.basename(f)).sort()).toEqual(
      ENVIRONMENTS.flatMap((e) => [`idcloud-${e}.html`, `idcloud-${e}.json`, `idcloud-${e}.junit.xml`]).sort(),
    );
    const needles = [...pemNeedles(account.pem), { label: 'api key', value: account.apiKey }, ...recorded];
    const sources = [{ where: 'stdout', text: r.stdout }, { where: 'stderr', text: r.stderr }, ...fileSources([reportDir])];
    expect(findLeaks(sources, needles)).toEqual([]);
  });

  test('every message the suites produce, passing and failing, keeps its words after scrubbing', () => {
    // Each check, passed (✓) or failed (✗ with its message), and each script's console line is on the console
    // (CI: one plain line per event), scrubbed as it is written; nothing there is a secret.
    const events = r.stdout.split('\n').filter((line) => /^\[\w+\] {3}[✓✗·] /.test(line));
    expect(events.length).toBeGreaterThan(200);
    expect(events.filter((line) => line.includes(REDACTED))).toEqual([]);
    expect(r.stdout + r.stderr).not.toContain(REDACTED);
    // The JSON reports hold every check and failure again, scrubbed with everything the run registered (their
    // requests' headers and bodies are rightly redacted: only the prose is looked at).
    const prose = ENVIRONMENTS.flatMap((name) => {
      const report = JSON.parse(fs.readFileSync(path.join(reportDir, `idcloud-${name}.json`), 'utf8')) as JsonReport;
      return [
        ...report.run.executions.flatMap((e) => (e.assertions ?? []).flatMap((a) => [a.assertion, a.error?.message ?? ''])),
        ...report.run.failures.map((f) => f.error?.message ?? ''),
      ].map((text) => ({ name, text }));
    });
    expect(prose.filter((p) => p.text).length).toBeGreaterThan(200);
    expect(prose.filter((p) => p.text.includes(REDACTED))).toEqual([]);
  });
});
