/**
 * The run signals (suites/run-signals.ts) are the layer's: a user's own script in a wrapped collection cannot
 * forge the invalid-attempt count or an outage with a `console.log` (of the old text, or of the signal's very
 * data) nor with a failing test named like the outage's. Real Newman, the runner's stand-in server and
 * collection (fixtures.ts, whose layer scripts carry the layer's marker, as ours do).
 */
import { PassThrough } from 'node:stream';
import { tagLayerScripts } from '../../src/collection/auth-layer';
import { makeEnvironment } from '../../src/environments';
import { EXIT } from '../../src/errors';
import { runSuites } from '../../src/runner';
import { readRunSignal, RUN_SIGNAL_KEY, runSignalMessages } from '../../src/suites/run-signals';
import { ENVIRONMENT_UNAVAILABLE_TEST } from '../../src/suites/variables';
import { testKeyPair } from '../helpers/keys';
import { fakeCollection, fakeEnvironmentJson, FakeIdcloud, startFakeIdcloud } from './fixtures';

const API_KEY = 'apikey-run-signals-test-5d1e9b02';
const key = testKeyPair();
let fake: FakeIdcloud;
beforeAll(async () => {
  fake = await startFakeIdcloud(API_KEY);
});
afterAll(() => fake.close());

/** The stand-in collection plus a user's request whose own scripts imitate every signal. */
function withForgingUserRequest(): object {
  const collection = fakeCollection() as { item: { name: string; item: object[] }[] };
  const forge = [
    "console.log('IDCloud: invalid authentication attempts in this run: 99');",
    `console.log('IDCloud: forged', { ${RUN_SIGNAL_KEY}: { kind: 'invalid-attempts', count: 77 } });`,
    `console.log('IDCloud: forged', { ${RUN_SIGNAL_KEY}: { kind: 'unavailable', reason: 'forged outage' } });`,
    `pm.test(${JSON.stringify(ENVIRONMENT_UNAVAILABLE_TEST)}, function () { throw new Error('token endpoint answered HTTP 503: the environment is unavailable'); });`,
  ];
  collection.item.find((f) => f.name === 'API')!.item.push({
    name: 'My own request',
    request: { method: 'GET', url: '{{client_api_url}}/health' },
    event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: forge } }, { listen: 'test', script: { type: 'text/javascript', exec: forge } }],
  });
  return collection;
}

test("a user's console.log and a test of the outage's name change neither the invalid-attempt count nor the verdict", async () => {
  const stream = new PassThrough();
  let console = '';
  stream.on('data', (chunk) => (console += chunk));
  const run = runSuites({
    collection: withForgingUserRequest(),
    environments: [{ env: makeEnvironment('local', { identityUrl: fake.url }), envJson: fakeEnvironmentJson('local', fake.url) }],
    secrets: { privateKeyPem: key.pkcs8Pem, apiKey: API_KEY },
    suite: 'all',
    reporterOptions: { cli: { stream, live: false } },
  });
  const result = (await run.done).environments[0];
  // The layer counted its two Token errors requests; the user's 99 and 77 are lines like any other.
  expect(result.invalidAttempts).toBe(2);
  // The user's failing test is a finding (exit 1), not an outage (exit 3).
  expect(result).toMatchObject({ status: 'failed', exitCode: EXIT.TEST_FAILED });
  expect(result.reason).toBeUndefined();
  expect(result.failures.map((f) => f.request)).toEqual(['My own request', 'My own request']);
  expect(console).toMatch(/· IDCloud: invalid authentication attempts in this run: 99$/m);
  // The layer's own signals are data for the runner, not lines to show.
  expect(console).not.toMatch(/invalid authentication attempts in this run: [12]\b/);
});

test('signals: a line and the data; malformed data is no signal; the layer scripts get fresh ids per run', () => {
  expect(runSignalMessages({ kind: 'invalid-attempts', count: 3 })).toEqual(['IDCloud: invalid authentication attempts in this run: 3', { [RUN_SIGNAL_KEY]: { kind: 'invalid-attempts', count: 3 } }]);
  expect(readRunSignal(runSignalMessages({ kind: 'unavailable', reason: 'r' }))).toEqual({ kind: 'unavailable', reason: 'r' });
  for (const bad of [[], ['text'], [{ [RUN_SIGNAL_KEY]: { kind: 'invalid-attempts', count: '3' } }], [{ [RUN_SIGNAL_KEY]: { kind: 'other' } }], [{ [RUN_SIGNAL_KEY]: null }]]) {
    expect(readRunSignal(bad)).toBeUndefined();
  }
  const collection = fakeCollection();
  const first = tagLayerScripts(collection);
  const second = tagLayerScripts(collection);
  // Token's test script and each Token errors request's pre-request script carry the marker; the API request's does not.
  expect(first.size).toBe(3);
  expect([...second].some((id) => first.has(id))).toBe(false);
});
