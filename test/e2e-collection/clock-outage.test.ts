/**
 * Verdicts that stay true when the environment misbehaves, in real runs of the generated collection against the
 * real emulator: a server clock 300 s behind or ahead (newman 6.2.2 and postman-runtime 7.56.1) and a token
 * endpoint in an outage. A server that fails (500) on an invalid assertion is a finding: flaws.test.ts
 * (server-error-on-expired).
 */
import { ENVIRONMENT_UNAVAILABLE_TEST } from '../../src/suites/variables';
import { runLatestRuntime, runNewman, RunResult } from '../helpers/postman-runtimes';
import { onlyRequests, setUp } from './support';
import type { EmulatorOptions } from '../../src/emulator';

/**
 * The smoke suite's shape, smaller: the Token exchange and one request per product host that uses the token
 * the collection obtained (what a clock offset or an outage changes); the whole smoke suite is run by
 * newman-cli.test.ts and latest-runtime.test.ts.
 */
const SMOKE = ['Exchange assertion for access token', 'By Unico: CreateProcess with a valid token', 'Sign: GetDocumentSigned with a valid token', 'By Client: create process with a valid token'];
const runners = { 'newman 6.2.2': runNewman, 'postman-runtime 7.56.1': runLatestRuntime } as const;
type RunnerName = keyof typeof runners;

async function runAgainst(options: Partial<EmulatorOptions>, requests: string[], runner: RunnerName): Promise<RunResult> {
  const { emulator, files, envValues } = await setUp(options);
  try {
    return await runners[runner](onlyRequests(files.collection, requests), { envValues });
  } finally {
    await emulator.close();
  }
}

const offsetLines = (result: RunResult) => result.consoleLogs.filter((line) => line.startsWith('IDCloud: the local clock is'));

test('emulator clock -300 s and +300 s: the token and a request per product pass in both sandboxes, one offset line per run', async () => {
  const cases = ([-300, 300] as const).flatMap((offset) => (Object.keys(runners) as RunnerName[]).map((runner) => ({ offset, runner })));
  const results = await Promise.all(cases.map(({ offset, runner }) => runAgainst({ clockOffsetSeconds: offset }, SMOKE, runner)));
  results.forEach((result, i) => {
    const { offset, runner } = cases[i];
    const where = `${runner}, clock ${offset}`;
    expect({ where, failures: result.failures }).toEqual({ where, failures: [] });
    expect(result.assertions).toBeGreaterThan(SMOKE.length);
    const lines = offsetLines(result);
    expect({ where, lines: lines.length }).toEqual({ where, lines: 1 });
    // Whole seconds in the Date header, and the answer's time in transit (seconds on a loaded machine): within five.
    const seconds = /^IDCloud: the local clock is (\d+) s (behind|ahead of) the token endpoint's/.exec(lines[0]);
    expect({ where, direction: seconds?.[2] }).toEqual({ where, direction: offset > 0 ? 'behind' : 'ahead of' });
    expect(Math.abs(Number(seconds?.[1]) - 300)).toBeLessThanOrEqual(5);
  });
});

test('agreeing clocks: no offset line', async () => {
  const result = await runAgainst({}, SMOKE, 'newman 6.2.2');
  expect(result.failures).toEqual([]);
  expect(offsetLines(result)).toEqual([]);
});

describe('outage and server failures', () => {
  const page = '<!DOCTYPE html><html><body><h1>503 Service Unavailable</h1></body></html>';
  test('token endpoint 503 HTML / 502 JSON: the signal once, with the status; API cases say only why there is no token', async () => {
    const [html, json] = await Promise.all([
      runAgainst({ outage: { status: 503, body: page } }, SMOKE, 'newman 6.2.2'),
      runAgainst({ outage: { status: 502, body: '{"error":"bad_gateway"}', contentType: 'application/json' } }, SMOKE, 'newman 6.2.2'),
    ]);
    for (const [result, reason] of [
      [html, 'token endpoint answered HTTP 503, not JSON: the environment is unavailable'],
      [json, 'token endpoint answered HTTP 502: the environment is unavailable'],
    ] as const) {
      const signals = result.failures.filter((f) => f.name === ENVIRONMENT_UNAVAILABLE_TEST);
      expect(signals).toEqual([{ name: ENVIRONMENT_UNAVAILABLE_TEST, message: reason, item: 'Exchange assertion for access token' }]);
      const others = result.failures.filter((f) => f.name !== ENVIRONMENT_UNAVAILABLE_TEST);
      expect(others.length).toBeGreaterThan(0);
      for (const failure of others) {
        expect(failure.name).toMatch(/: access token obtained$/);
        expect(failure.message).toBe(reason);
      }
      for (const failure of result.failures) expect(failure.message).not.toMatch(/accepted/);
    }
  });
});
