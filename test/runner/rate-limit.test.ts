/**
 * 429s are counted: the generated collection's errors suite (only the token endpoint is rate-limited) against the real emulator with a tight rate limit waits out
 * each 429 (Retry-After) and retries, the run passes, and the result says how many 429s it met — the
 * figure the demo and the bench report. With the limit off there are none.
 */
import { generateCollection } from '../../src/collection';
import { startEmulator } from '../../src/emulator';
import { makeEnvironment } from '../../src/environments';
import { runSuites } from '../../src/runner';
import { TEST_ISS, testKeyPair } from '../helpers/keys';

const key = testKeyPair();
const API_KEY = 'apikey-rate-limit-3e9d1c';

async function errorsRun(rateLimit: number): Promise<{ rateLimited: number; seen429: number; status: string }> {
  const emulator = await startEmulator({ accounts: [{ iss: TEST_ISS, publicKey: key.spkiPem, apiKey: API_KEY }], port: 0, rateLimit });
  try {
    const env = makeEnvironment('local', { identityUrl: emulator.url });
    const generated = generateCollection({ environments: [env], iss: TEST_ISS });
    const run = runSuites({
      collection: generated.collection,
      environments: [{ env, envJson: generated.environments[0].json }],
      secrets: { privateKeyPem: key.pkcs8Pem, apiKey: API_KEY },
      suite: 'errors',
      reporters: [],
    });
    let seen429 = 0;
    run.on('request', (e) => (seen429 += e.status === 429 ? 1 : 0));
    const [result] = (await run.done).environments;
    return { rateLimited: result.rateLimited, seen429, status: result.status };
  } finally {
    await emulator.close();
  }
}

test('with a 5 requests/s limit the errors suite (~20 token requests) meets 429s, waits them out, passes, and counts them', async () => {
  const limited = await errorsRun(5);
  expect(limited.status).toBe('passed');
  expect(limited.rateLimited).toBeGreaterThan(0);
  expect(limited.rateLimited).toBe(limited.seen429);
}, 60_000);

test('with the limit off there are no 429s', async () => {
  expect(await errorsRun(0)).toEqual({ rateLimited: 0, seen429: 0, status: 'passed' });
});
