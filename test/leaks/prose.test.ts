/**
 * Scrubbing never mangles prose. A request that goes out with `Authorization: Bearer ` (an empty token, as
 * when none could be obtained) once made the scrubber take `Bearer ` for a secret, and the summary read
 * "the API accepted a garbage [REDACTED]token". Only the credential part of a header, and only long single
 * tokens, are registered now; the messages keep their words, in the console and in the reports. That every
 * message of the generated suites (passing and failing, against a strict, a flawed, a refusing and an unavailable
 * server) keeps its words is asserted on the CLI run of leaks.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { buildCollection } from '../../src/collection';
import { environmentFile } from '../../src/collection/environment-file';
import type { RunningEmulator } from '../../src/emulator';
import { EMULATOR_FLAWS, EmulatorFlaw } from '../../src/emulator/flaws';
import { makeEnvironment } from '../../src/environments';
import { REDACTED, RunEvents, runSuites } from '../../src/runner';
import { testKeyPair } from '../helpers/keys';
import { startTestEmulator } from '../helpers/emulator';
import { testAccount } from '../runner/emulator-fixture';
import { EMPTY_BEARER_MESSAGE, fakeCollection, fakeEnvironmentJson, FakeIdcloud, startFakeIdcloud } from '../runner/fixtures';

const API_KEY = 'apikey-prose-test-3b7d1e9f';

test('a request sent with "Bearer " and no token: the sentence about a garbage Bearer token stays whole everywhere', async () => {
  const [fake, tmp] = [await startFakeIdcloud(API_KEY), fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-prose-'))];
  try {
    await emptyBearerRun(fake, tmp);
  } finally {
    await fake.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

async function emptyBearerRun(fake: FakeIdcloud, tmp: string): Promise<void> {
  const stream = new PassThrough();
  let console = '';
  stream.on('data', (chunk) => (console += chunk));
  const reportDir = path.join(tmp, 'reports');
  const run = runSuites({
    collection: fakeCollection({ emptyBearerRequest: true }),
    environments: [{ env: makeEnvironment('prose', { identityUrl: fake.url }), envJson: fakeEnvironmentJson('prose', fake.url) }],
    secrets: { privateKeyPem: testKeyPair().pkcs8Pem, apiKey: API_KEY },
    suite: 'smoke',
    reportDir,
    reporters: ['cli', 'json', 'junit'],
    reporterOptions: { cli: { stream, live: false } },
  });
  const result = await run.done;
  const [env] = result.environments;
  expect(env.failures).toEqual([{ request: 'No token is rejected', assertion: 'a garbage Bearer token is rejected', message: EMPTY_BEARER_MESSAGE }]);
  expect(console).toContain(`prose: ✗ No token is rejected › a garbage Bearer token is rejected: ${EMPTY_BEARER_MESSAGE}`);
  expect(run.scrubber.scrub(`the API accepted a garbage Bearer token`)).toBe('the API accepted a garbage Bearer token');
  const json = fs.readFileSync(path.join(reportDir, 'idcloud-prose.json'), 'utf8');
  expect(json).toContain(EMPTY_BEARER_MESSAGE);
  expect(fs.readFileSync(path.join(reportDir, 'idcloud-prose.junit.xml'), 'utf8')).toContain('a garbage Bearer token is rejected');
  // The real secrets of the run are still masked (the access token was logged by the Token script).
  expect(console).toContain(`got token ${REDACTED}`);
  for (const token of fake.issuedTokens) expect(console + json).not.toContain(token);
}
