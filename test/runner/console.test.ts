/** The `cli` reporter: plain line-per-event mode, live redraw mode, the summary table — all scrubbed. */
import { PassThrough } from 'node:stream';
import { makeEnvironment } from '../../src/environments';
import { runSuites } from '../../src/runner';
import { isLiveTerminal } from '../../src/runner/console-reporter';
import { formatSummary } from '../../src/runner/summary-table';
import type { EnvironmentResult } from '../../src/runner/types';
import { testKeyPair } from '../helpers/keys';
import { fakeCollection, fakeEnvironmentJson, FakeIdcloud, startFakeIdcloud } from './fixtures';

const API_KEY = 'apikey-console-test-55aa11';
let fake: FakeIdcloud;
beforeAll(async () => {
  fake = await startFakeIdcloud(API_KEY);
});
afterAll(() => fake.close());

/** The run attaches `cli` (its default reporter) by name, with these options. */
async function capture(live: boolean): Promise<string> {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  const run = runSuites({
    collection: fakeCollection({ secretsInTestNames: true, failingTest: true }),
    environments: [{ env: makeEnvironment('con', { identityUrl: fake.url }), envJson: fakeEnvironmentJson('con', fake.url) }],
    secrets: { privateKeyPem: testKeyPair().pkcs8Pem, apiKey: API_KEY },
    reporterOptions: { cli: { stream, live } },
  });
  await run.done;
  return text;
}

test('plain mode: one line per request and per assertion, secrets masked', async () => {
  const text = await capture(false);
  expect(text).not.toMatch(/\x1b\[/);
  expect(text).toMatch(/^\[con\] Exchange a fresh assertion for an access token → POST http:\/\/127\.0\.0\.1:\d+\/oauth2\/token 200 \d+ ms$/m);
  expect(text).toMatch(/^\[con\] {3}✓ token endpoint answers 200$/m);
  expect(text).toMatch(/^\[con\] {3}✗ deliberately failing check: expected '\[REDACTED\]…?' to equal 'something else'$/m);
  expect(text).toMatch(/^\[con\] {3}✓ sent APIKEY \[REDACTED\] with \[REDACTED\]$/m);
  expect(text).not.toContain(API_KEY);
  for (const token of fake.issuedTokens) expect(text).not.toContain(token);
  // The script's console.log of the token is shown, masked.
  expect(text).toMatch(/^\[con\] {3}· got token \[REDACTED\]$/m);
  expect(text).toMatch(/^verdict: a test failed \(exit 1\)$/m);
});

test('live mode: redraws one status line per environment in place, then the summary', async () => {
  const text = await capture(true);
  expect(text).toMatch(/\x1b\[1A\x1b\[2K/);
  expect(text).toMatch(/✗ con {2}4 requests · 7 passed · 1 failed {2}failed/);
  expect(text).not.toContain(API_KEY);
  expect(text).toMatch(/^con\s+all\s+\d+ ms\s+4\s+7\s+1\s+\d+\s+2\s+FAIL$/m);
});

test('live only on a terminal outside CI', () => {
  expect(isLiveTerminal({ isTTY: true }, {})).toBe(true);
  expect(isLiveTerminal({ isTTY: true }, { CI: 'true' })).toBe(false);
  expect(isLiveTerminal({ isTTY: true }, { CI: 'false' })).toBe(true);
  expect(isLiveTerminal({ isTTY: false }, {})).toBe(false);
  expect(isLiveTerminal({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
});

test('summary: a row per environment, reasons and failures under it, the verdict last', () => {
  const base: EnvironmentResult = {
    name: 'uat', suite: 'smoke', folders: ['Token', 'API'], status: 'passed', exitCode: 0, tokenExchangeMs: 212, requests: 10,
    assertions: { total: 14, passed: 14, failed: 0, skipped: 0 }, invalidAttempts: 0, rateLimited: 0, failures: [], reports: [], durationMs: 900,
  };
  const lines = formatSummary({
    environments: [{ ...base, rateLimited: 2 }, { ...base, name: 'production', status: 'unreachable', exitCode: 3, tokenExchangeMs: undefined, requests: 0, assertions: { total: 0, passed: 0, failed: 0, skipped: 0 }, reason: 'https://identity.acesso.io is unreachable: timed out' }],
    exitCode: 3,
    reporters: ['cli'],
    reporterFailures: [],
  });
  expect(lines[0]).toBe('environment  suite  token exchange  requests  passed  failed  skipped  invalid attempts  verdict');
  expect(lines[2]).toBe('uat          smoke  212 ms          10        14      0       0        0                 PASS');
  expect(lines[3]).toBe('production   smoke  -               0         0       0       0        0                 UNREACHABLE');
  expect(lines).toContain('production: https://identity.acesso.io is unreachable: timed out');
  expect(lines).toContain("uat: 2 responses were 429 Too Many Requests (the server's rate limit), waited out and retried: not a failure, each costs a wait");
  expect(lines.filter((l) => l.includes('429'))).toHaveLength(1);
  expect(lines[lines.length - 1]).toBe('verdict: an environment could not be reached, was unavailable or the run could not complete (exit 3)');
});
