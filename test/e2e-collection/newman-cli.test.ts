/**
 * The generated files as a user runs them: the plain `newman` CLI (a child process: the CLI is the point), `-e`
 * with the generated environment file and `--env-var "private_key=…"`, against the real emulator: every request of
 * every folder passes. Then the same newman package in process (its library API, `iterationCount` and
 * `delayRequest` as `-n` and `--delay-request` give them): one token serves
 * however many API requests a run makes (the smoke suite's single exchange in newman 6.2.2 is shown by
 * auth-layer.test.ts, in postman-sandbox 6.x by latest-runtime.test.ts); a run longer than the token lifetime
 * refreshes it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FOLDERS, writeGeneratedFiles } from '../../src/collection';
import { API_CASES } from '../../src/suites/api';
import { apiCaseName } from '../../src/suites/api-docs';
import { negativeCaseDoc } from '../../src/suites/case-docs';
import { NEGATIVE_CASES } from '../../src/suites/cases';
import { runNewman } from '../helpers/postman-runtimes';
import { API_KEY, keys, onlyFolders, onlyRequests, setUp, Setup } from './support';

const NEWMAN = path.resolve(__dirname, '..', '..', 'node_modules', '.bin', 'newman');

interface CliRun {
  exitCode: number | null;
  stdout: string;
  report: {
    run: {
      executions: { item: { name: string }; response?: { code: number }; assertions?: { assertion: string; skipped?: boolean; error?: { message: string } }[] }[];
      failures: { source?: { name?: string }; error: { message: string } }[];
    };
  };
}

// The runs are independent (one emulator each), so the tests run concurrently.
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function newman(setup: Setup, extraArgs: string[]): Promise<CliRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-newman-'));
  dirs.push(dir);
  const written = writeGeneratedFiles(dir, setup.files);
  const reportFile = path.join(dir, 'report.json');
  const args = ['run', written.collectionFile, '-e', written.environmentFiles[0], '--env-var', `private_key=${keys.pkcs8Pem}`, '--env-var', `api_key=${API_KEY}`,
    '--reporters', 'cli,json', '--reporter-json-export', reportFile, '--color', 'off', ...extraArgs];
  return new Promise((resolve, reject) => {
    const child = spawn(NEWMAN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (exitCode) => {
      try {
        resolve({ exitCode, stdout, report: JSON.parse(fs.readFileSync(reportFile, 'utf8')) });
      } catch (error) {
        reject(error);
      }
    });
  });
}

function failureLines(run: CliRun): string[] {
  return run.report.run.failures.map((f) => `${f.source?.name}: ${f.error.message}`);
}

test.concurrent('every request of every folder passes (newman CLI, -e env file, --env-var private_key)', async () => {
  const setup = await setUp();
  try {
    const run = await newman(setup, []);
    expect(failureLines(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    const executed = run.report.run.executions.map((e) => e.item.name);
    // Every request ran at least once (a 429 may run one twice) and each one asserted something.
    const expected = ['Exchange assertion for access token', ...NEGATIVE_CASES.map((c) => negativeCaseDoc(c.id).name), ...API_CASES.map(apiCaseName)];
    expect([...new Set(executed)]).toEqual(expected);
    for (const execution of run.report.run.executions) {
      if (execution.response?.code === 429) continue;
      expect((execution.assertions ?? []).length).toBeGreaterThan(0);
    }
    // The outgoing requests do not carry the dispatch header, and nothing secret is printed.
    expect(run.stdout).not.toContain(keys.pkcs8Pem.split('\n')[1]);
    expect(run.stdout).not.toContain(API_KEY);
  } finally {
    await setup.emulator.close();
  }
});

test.concurrent('however many API requests: API folder × 2 iterations still exchanges once', async () => {
  const setup = await setUp();
  try {
    const result = await runNewman(onlyFolders(setup.files.collection, [FOLDERS.api]), { envValues: setup.envValues, newman: { iterationCount: 2 } });
    expect(result.failures).toEqual([]);
    // Counted at the emulator: every product API request arrived, and one token exchange served them all.
    const stats = setup.emulator.stats();
    expect(stats.requests - stats.tokenExchanges - stats.tokenErrors).toBe(2 * API_CASES.length);
    expect(setup.emulator.stats().tokenExchanges).toBe(1);
  } finally {
    await setup.emulator.close();
  }
});

test.concurrent('a run longer than the token lifetime keeps passing: the token is refreshed, not reused stale', async () => {
  // A short lifetime (3 s, refreshed 1.3 s before expiry: each token serves requests for 1.7 s, however slow a
  // loaded machine makes them); the requests that use the token, spread over more than 5 s.
  const lifetimeSeconds = 3;
  const iterations = 2;
  const withToken = API_CASES.filter((c) => c.auth === 'valid').map(apiCaseName);
  const setup = await setUp({ tokenLifetimeSeconds: lifetimeSeconds });
  try {
    const started = Date.now();
    const result = await runNewman(onlyRequests(setup.files.collection, withToken), { envValues: setup.envValues, newman: { iterationCount: iterations, delayRequest: 150 } });
    const elapsedSeconds = (Date.now() - started) / 1000;
    expect(result.failures).toEqual([]);
    // The run outlived a token; each token was reused while valid, then replaced.
    expect(elapsedSeconds).toBeGreaterThan(lifetimeSeconds);
    const exchanges = setup.emulator.stats().tokenExchanges;
    const requestsWithToken = iterations * withToken.length;
    // Only the picked requests ran, each at least once per iteration (one may run again, as the collection retries it).
    const ran = result.responses.filter((r) => r.item !== '').map((r) => r.item);
    expect([...new Set(ran)]).toEqual(withToken);
    for (const name of withToken) expect(ran.filter((n) => n === name).length).toBeGreaterThanOrEqual(iterations);
    expect(exchanges).toBeGreaterThanOrEqual(2);
    expect(exchanges).toBeLessThan(requestsWithToken);
  } finally {
    await setup.emulator.close();
  }
});
