/**
 * runSuites against a fake IDCloud on loopback with a small collection shaped like the generated one:
 * parallel environments, suite selection, reports (scrubbed, atomic), exit codes, no secrets anywhere.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { XMLParser } from 'fast-xml-parser';
import { makeEnvironment } from '../../src/environments';
import { EXIT } from '../../src/errors';
import { runSuites, RunSuitesOptions, RunResult } from '../../src/runner';
import { testKeyPair } from '../helpers/keys';
import { fileSources, findLeaks, pemNeedles } from '../leaks/scan';
import { closedPortUrl, fakeCollection, fakeEnvironmentJson, FakeIdcloud, startFakeIdcloud } from './fixtures';

const API_KEY = 'apikey-runner-test-7f3a9c1e5b';
const key = testKeyPair();

let fake: FakeIdcloud;
let tmp: string;
beforeAll(async () => {
  fake = await startFakeIdcloud(API_KEY);
});
afterAll(() => fake.close());
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-runner-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function input(name: string, url: string) {
  return { env: makeEnvironment(name, { identityUrl: url }), envJson: fakeEnvironmentJson(name, url) };
}

/** The run attaches its `cli` reporter by name, writing into `stream`. */
async function runCaptured(opts: Partial<RunSuitesOptions> & Pick<RunSuitesOptions, 'environments'>): Promise<{ result: RunResult; console: string }> {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  const run = runSuites({ collection: fakeCollection(), secrets: { privateKeyPem: key.pkcs8Pem, apiKey: API_KEY }, reporterOptions: { cli: { stream, live: false } }, ...opts });
  const result = await run.done;
  return { result, console: text };
}

test('two environments run in parallel, all suites on loopback, junit+json reports per environment', async () => {
  const reportDir = path.join(tmp, 'reports');
  const { result, console } = await runCaptured({ environments: [input('one', fake.url), input('two', fake.url)], reportDir, reporters: ['cli', 'junit', 'json'] });
  expect(result.exitCode).toBe(EXIT.OK);
  expect(result.environments.map((e) => [e.name, e.status, e.suite])).toEqual([['one', 'passed', 'all'], ['two', 'passed', 'all']]);
  for (const env of result.environments) {
    // Token (2) + 2 error cases (1 each) + API (2) assertions; 4 requests.
    expect(env.assertions).toEqual({ total: 6, passed: 6, failed: 0, skipped: 0 });
    expect(env.requests).toBe(4);
    expect(env.invalidAttempts).toBe(2);
    expect(env.tokenExchangeMs).toEqual(expect.any(Number));
    const junitFile = path.join(reportDir, `idcloud-${env.name}.junit.xml`);
    expect(env.reports.sort()).toEqual([path.join(reportDir, `idcloud-${env.name}.json`), junitFile].sort());
    const xml = new XMLParser({ ignoreAttributes: false }).parse(fs.readFileSync(junitFile, 'utf8'));
    const suites = [xml.testsuites.testsuite].flat();
    const cases = suites.flatMap((s: { testcase?: unknown }) => [s.testcase ?? []].flat());
    expect(cases).toHaveLength(env.assertions.total);
    const json = JSON.parse(fs.readFileSync(path.join(reportDir, `idcloud-${env.name}.json`), 'utf8'));
    expect(json.run.stats.assertions.total).toBe(env.assertions.total);
  }
  // No staging folders are left behind.
  expect(fs.readdirSync(reportDir).sort()).toEqual(['idcloud-one.json', 'idcloud-one.junit.xml', 'idcloud-two.json', 'idcloud-two.junit.xml']);
  expect(console).toContain('environment');
  expect(console).toMatch(/one\s+all\s+\d+ ms\s+4\s+6\s+0\s+\d+\s+2\s+PASS/);
  const leaks = findLeaks([{ where: 'console', text: console }, ...fileSources([reportDir])], [
    ...pemNeedles(key.pkcs8Pem),
    { label: 'api key', value: API_KEY },
    ...fake.issuedTokens.map((value, i) => ({ label: `access token ${i}`, value })),
  ]);
  expect(leaks).toEqual([]);
  expect(fake.issuedTokens.length).toBeGreaterThanOrEqual(2);
});

test('smoke suite skips Token errors; a failing test is exit 1; an unreachable environment is exit 3 and the other still runs; the failure decides the run', async () => {
  const deadUrl = await closedPortUrl();
  const run = runSuites({
    collection: fakeCollection({ failingTest: true }),
    secrets: { privateKeyPem: key.pkcs1Pem, apiKey: API_KEY },
    environments: [input('live', fake.url), input('dead', deadUrl)],
    suite: 'smoke',
    reporters: [],
  });
  const result = await run.done;
  const [live, dead] = result.environments;
  expect(live.status).toBe('failed');
  expect(live.exitCode).toBe(EXIT.TEST_FAILED);
  expect(live.invalidAttempts).toBe(0);
  expect(live.failures.map((f) => f.assertion)).toEqual(['deliberately failing check']);
  expect(live.failures[0].message).not.toMatch(/eyJ/);
  expect(dead.status).toBe('unreachable');
  expect(dead.reason).toMatch(/unreachable: connection refused/);
  expect(dead.exitCode).toBe(EXIT.UNREACHABLE);
  // A finding is not hidden by an outage elsewhere.
  expect(result.exitCode).toBe(EXIT.TEST_FAILED);
});

test('without the preflight, a refused connection during the run is still "unreachable"', async () => {
  const deadUrl = await closedPortUrl();
  const { result } = await runCaptured({ environments: [input('dead', deadUrl)], skipPreflight: true });
  expect(result.environments[0].status).toBe('unreachable');
  expect(result.exitCode).toBe(EXIT.UNREACHABLE);
});

test('--max-invalid bounds the invalid attempts off loopback; --suite is explicit there', async () => {
  // "localhost" is loopback too, so model a remote environment by its flags only.
  const remote = { ...input('remote', fake.url), env: { ...makeEnvironment('remote', { identityUrl: fake.url }), isLoopback: false } };
  const run = runSuites({ collection: fakeCollection({ errorCases: 5 }), secrets: { privateKeyPem: key.pkcs8Pem, apiKey: API_KEY }, environments: [remote], suite: 'errors', maxInvalid: 3, reporters: [] });
  const result = await run.done;
  expect(result.environments[0].folders).toEqual(['Token errors']);
  expect(result.environments[0].invalidAttempts).toBe(3);
});

test('a failed run does not replace an earlier good report', async () => {
  const reportDir = path.join(tmp, 'reports');
  fs.mkdirSync(reportDir);
  const earlier = path.join(reportDir, 'idcloud-dead.junit.xml');
  fs.writeFileSync(earlier, '<testsuites/>');
  const { result } = await runCaptured({ environments: [input('dead', await closedPortUrl())], reportDir, reporters: ['junit'] });
  expect(result.exitCode).toBe(EXIT.UNREACHABLE);
  expect(fs.readFileSync(earlier, 'utf8')).toBe('<testsuites/>');
  expect(fs.readdirSync(reportDir)).toEqual(['idcloud-dead.junit.xml']);
});
