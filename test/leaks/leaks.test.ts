/**
 * No secret leaves the process: after `run` (every reporter; a passing, a failing, a 401 and an unreachable
 * environment) and after `demo` (every reporter), every file written and all console output are searched
 * for the private key (body and each base64 line), the API key, and each assertion and access token that
 * actually crossed the wire — recorded by an HTTP proxy the CLI's Newman goes through — plus any
 * JWT-shaped string at all. Zero hits. (The demo's leak scan rides on its CLI run in test/cli/demo.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningEmulator } from '../../src/emulator';
// A child process: Newman takes HTTP_PROXY from the process environment.
import { runCliProcess } from '../helpers/cli';
import { closedPortUrl } from '../runner/fixtures';
import { startTestEmulator } from '../helpers/emulator';
import { summaryRow, testAccount, TestAccount } from '../runner/emulator-fixture';
import { startRecordingProxy } from './recording-proxy';
import { fileSources, findLeaks, listFiles, pemNeedles, withoutPublicConstants } from './scan';
import { generateCollection } from '../../src/collection';
import { makeEnvironment } from '../../src/environments';

function generatedCollectionText(iss: string): string {
  return JSON.stringify(generateCollection({ environments: [makeEnvironment('x', { identityUrl: 'http://127.0.0.1:1' })], iss }).collection);
}

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-leaks-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('run with every reporter', () => {
  let account: TestAccount;
  let emulators: RunningEmulator[];
  beforeAll(async () => {
    account = testAccount();
    emulators = await Promise.all([
      startTestEmulator(),
      startTestEmulator({ flaws: ['accept-expired'] }),
      startTestEmulator({ wrongPublicKey: true }),
    ]);
  });
  afterAll(async () => {
    await Promise.all(emulators.map((e) => e.close()));
    account.cleanup();
  });

  test('passing, failing, 401 and unreachable environments: zero secrets in reports and console', async () => {
    const [good, lenient, wrongKey] = emulators;
    const proxy = await startRecordingProxy();
    const reportDir = path.join(tmp, 'reports');
    try {
      // The dead environment is reached directly (NO_PROXY names its host:port): through the proxy a refused
      // connection would come back as the proxy's 502, an outage rather than an unreachable host.
      const dead = await closedPortUrl();
      const r = await runCliProcess(
        ['run', '--env', `good=${good.url}`, '--env', `lenient=${lenient.url}`, '--env', `wrongkey=${wrongKey.url}`, '--env', `dead=${dead}`,
          '--iss', account.iss, '--key', account.keyFile, '--api-key', account.apiKey,
          '--report-dir', reportDir, '--reporters', 'cli,junit,json,htmlextra'],
        { env: { HTTP_PROXY: proxy.url, NO_PROXY: new URL(dead).host, CI: 'true' }, timeoutMs: 55_000 },
      );
      // A failure beats an outage: exit 1, the unreachable environment named in the verdict.
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toMatch(/^verdict: a test failed \(exit 1\); not tested: dead \(unreachable\)$/m);
      expect(summaryRow(r.stdout, 'good')).toMatchObject({ verdict: 'PASS' });
      expect(summaryRow(r.stdout, 'lenient')).toMatchObject({ verdict: 'FAIL' });
      expect(summaryRow(r.stdout, 'wrongkey')).toMatchObject({ verdict: 'FAIL' });
      // The refused exchange is the environment's reason, said once (not one finding per check it stopped).
      expect(r.stdout).toMatch(/^wrongkey: token endpoint answered 401 with 1\.2\.(5|21) /m);
      expect(summaryRow(r.stdout, 'dead')).toMatchObject({ verdict: 'UNREACHABLE' });

      const recorded = withoutPublicConstants(proxy.secrets(), generatedCollectionText(account.iss));
      // The test means something only if real secrets crossed the wire.
      expect(recorded.filter((s) => s.label.startsWith('assertion')).length).toBeGreaterThan(10);
      expect(recorded.filter((s) => s.label.startsWith('access token')).length).toBeGreaterThan(1);
      expect(recorded.some((s) => s.label.startsWith('APIKEY header'))).toBe(true);
      const files = listFiles(reportDir);
      expect(files.map((f) => path.basename(f)).sort()).toEqual(
        ['good', 'lenient', 'wrongkey'].flatMap((e) => [`idcloud-${e}.html`, `idcloud-${e}.json`, `idcloud-${e}.junit.xml`]).sort(),
      );
      const needles = [...pemNeedles(account.pem), { label: 'api key', value: account.apiKey }, ...recorded];
      const sources = [{ where: 'stdout', text: r.stdout }, { where: 'stderr', text: r.stderr }, ...fileSources([reportDir])];
      expect(findLeaks(sources, needles)).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});
