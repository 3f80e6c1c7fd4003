/**
 * 429s are counted: the generated collection's errors suite (only the token endpoint is rate-limited; its first
 * few cases, enough to meet a 429) against the real emulator with a tight rate limit waits out each 429
 * (Retry-After) and retries, the run passes, and the result says how many 429s it met — the figure the demo
 * and the bench report. With the limit off there are none.
 */
import { generateCollection } from '../../src/collection';
import { rateLimitClock, startTestEmulator, TEST_API_KEY as API_KEY } from '../helpers/emulator';
import { makeEnvironment } from '../../src/environments';
import { runSuites } from '../../src/runner';
import { TEST_ISS, testKeyPair } from '../helpers/keys';
import { onlyRequests, RATE_LIMITED } from '../e2e-collection/support';

const key = testKeyPair();

async function errorsRun(rateLimit: number): Promise<{ rateLimited: number; seen429: number; status: string }> {
  const emulator = await startTestEmulator({ rateLimit, ...rateLimitClock() });
  try {
    const env = makeEnvironment('local', { identityUrl: emulator.url });
    const generated = generateCollection({ environments: [env], iss: TEST_ISS });
    const run = runSuites({
      collection: onlyRequests(generated.collection, RATE_LIMITED.requests),
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

test.concurrent(`with a ${RATE_LIMITED.perSecond} requests/s limit the errors suite meets 429s, waits them out, passes, and counts them`, async () => {
  const limited = await errorsRun(RATE_LIMITED.perSecond);
  expect(limited.status).toBe('passed');
  expect(limited.rateLimited).toBeGreaterThan(0);
  expect(limited.rateLimited).toBe(limited.seen429);
});

test.concurrent('with the limit off there are no 429s', async () => {
  expect(await errorsRun(0)).toEqual({ rateLimited: 0, seen429: 0, status: 'passed' });
});
