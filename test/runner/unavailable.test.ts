/**
 * Outage is not failure (cli-contract.md "Outputs"): a token endpoint that answers the valid exchange with a
 * 5xx or with something that is not JSON makes its environment *unavailable* — exit 3, the status in the
 * one-line reason, the consequences (API checks without a token) not counted as findings — while a 5xx to an
 * invalid assertion stays a finding (exit 1). With several environments, 1 beats 3 beats 0.
 * Real stand-in servers on 127.0.0.1 and the stand-in collection, which gives the collection's signal
 * (a failed ENVIRONMENT_UNAVAILABLE_TEST) the way the generated one does.
 */
import { PassThrough } from 'node:stream';
import { makeEnvironment } from '../../src/environments';
import { EXIT } from '../../src/errors';
import { runSuites, RunResult } from '../../src/runner';
import { ENVIRONMENT_UNAVAILABLE_TEST } from '../../src/suites/variables';
import { testKeyPair } from '../helpers/keys';
import { fakeCollection, fakeEnvironmentJson, FakeIdcloud, startFakeIdcloud } from './fixtures';
import { summaryRow } from './emulator-fixture';

const API_KEY = 'apikey-unavailable-test-91c3e7a5';
const key = testKeyPair();
let fakes: Record<'ok' | 'html503' | 'json502' | 'fails500', FakeIdcloud>;
beforeAll(async () => {
  const [ok, html503, json502, fails500] = await Promise.all([
    startFakeIdcloud(API_KEY),
    startFakeIdcloud(API_KEY, { exchange: 'html-503' }),
    startFakeIdcloud(API_KEY, { exchange: 'json-502' }),
    startFakeIdcloud(API_KEY, { invalid: '500' }),
  ]);
  fakes = { ok, html503, json502, fails500 };
});
afterAll(() => Promise.all(Object.values(fakes).map((f) => f.close())));

async function run(envs: (keyof typeof fakes)[]): Promise<{ result: RunResult; console: string }> {
  const stream = new PassThrough();
  let console = '';
  stream.on('data', (chunk) => (console += chunk));
  const r = runSuites({
    collection: fakeCollection(),
    environments: envs.map((name) => ({ env: makeEnvironment(name, { identityUrl: fakes[name].url }), envJson: fakeEnvironmentJson(name, fakes[name].url) })),
    secrets: { privateKeyPem: key.pkcs8Pem, apiKey: API_KEY },
    suite: 'all',
    reporterOptions: { cli: { stream, live: false } },
  });
  return { result: await r.done, console };
}

test('503 HTML and 502 JSON are unavailable (exit 3, one line with the status); a 500 to an invalid assertion is a finding; 1 beats 3 beats 0', async () => {
  const [mixed, outage] = await Promise.all([run(['html503', 'json502', 'fails500', 'ok']), run(['html503', 'ok'])]);
  const byName = Object.fromEntries(mixed.result.environments.map((e) => [e.name, e]));

  expect(byName.html503).toMatchObject({ status: 'unavailable', exitCode: EXIT.UNREACHABLE, reason: 'token endpoint answered HTTP 503, not JSON: the environment is unavailable' });
  expect(byName.json502).toMatchObject({ status: 'unavailable', exitCode: EXIT.UNREACHABLE, reason: 'token endpoint answered HTTP 502: the environment is unavailable' });
  // The consequences happened (the API got no token) but did not make it a failure.
  expect(byName.html503.failures.map((f) => f.assertion)).toEqual(expect.arrayContaining([ENVIRONMENT_UNAVAILABLE_TEST, 'by-Client API answers 200 with token and APIKEY']));
  expect(byName.fails500).toMatchObject({ status: 'failed', exitCode: EXIT.TEST_FAILED });
  expect(byName.fails500.failures.map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringMatching(/401.*500|500.*401/)]));
  expect(byName.ok).toMatchObject({ status: 'passed', exitCode: EXIT.OK });
  expect(mixed.result.exitCode).toBe(EXIT.TEST_FAILED);
  expect(outage.result.exitCode).toBe(EXIT.UNREACHABLE);

  // The summary: a row per environment, one line with the status, a count of the consequences instead of
  // their list, and a verdict that names the environments the failure would otherwise hide.
  const text = mixed.console;
  expect(summaryRow(text, 'html503')).toMatchObject({ verdict: 'UNAVAILABLE' });
  expect(summaryRow(text, 'json502')).toMatchObject({ verdict: 'UNAVAILABLE' });
  expect(summaryRow(text, 'fails500')).toMatchObject({ verdict: 'FAIL' });
  expect(summaryRow(text, 'ok')).toMatchObject({ verdict: 'PASS' });
  expect(text).toMatch(/^html503: token endpoint answered HTTP 503, not JSON: the environment is unavailable$/m);
  expect(text).toMatch(/^html503: \d+ other checks failed because no token could be obtained; they are not findings$/m);
  expect(text).not.toMatch(/^html503: ✗/m);
  expect(text).toMatch(/^fails500: ✗ Malformed assertion #1 › malformed assertion is refused with 401: /m);
  expect(text).toMatch(/^verdict: a test failed \(exit 1\); not tested: html503 \(unavailable\), json502 \(unavailable\)$/m);
  expect(outage.console).toMatch(/^verdict: an environment could not be reached, was unavailable or the run could not complete \(exit 3\)$/m);
  expect(outage.console).not.toMatch(/accepted/);
});
