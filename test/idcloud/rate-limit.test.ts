/** The one 429 rule (idcloud/rate-limit.ts) the collection's exchange, its visible request and the Node exchange share. */
import { MAX_RATE_LIMIT_RETRIES, rateLimitNotice, rateLimitWaitMs, retryDelayMs } from '../../src/idcloud/rate-limit';
import { exchangeAssertion } from '../../src/sandbox/script/exchange';
import { retryAfterRateLimit } from '../../src/sandbox/script/run-state';
import { fakeResponse, fakeRun } from '../sandbox/script/fake-pm';

test('a 429 is retried MAX_RATE_LIMIT_RETRIES times with the Retry-After wait; anything else, or a spent budget, is not', () => {
  expect(rateLimitWaitMs(429, '2', 0)).toBe(retryDelayMs('2', 0));
  expect(rateLimitWaitMs(429, undefined, 3)).toBe(retryDelayMs(undefined, 3));
  expect(rateLimitWaitMs(429, '1', MAX_RATE_LIMIT_RETRIES)).toBeUndefined();
  expect(rateLimitWaitMs(429, '1', 1, 1)).toBeUndefined();
  for (const status of [200, 401, 500, 503]) expect(rateLimitWaitMs(status, '1', 0)).toBeUndefined();
  expect(rateLimitNotice('exchanging', 250, 1)).toBe(`IDCloud: rate limited (429), exchanging again in 250 ms (1 of ${MAX_RATE_LIMIT_RETRIES})`);
});

test("the collection's two retry mechanisms give up after the same number of retries, each logging the same line", () => {
  const limited = () => fakeResponse(429, { error: 'rate_limited' }, { 'Retry-After': '0' });
  const inScript = fakeRun({ answers: Array.from({ length: MAX_RATE_LIMIT_RETRIES + 1 }, limited) });
  exchangeAssertion(inScript.host, 'http://127.0.0.1:8780/oauth2/token', () => 'a', () => undefined);
  expect(inScript.sent).toHaveLength(MAX_RATE_LIMIT_RETRIES + 1);
  const visible = fakeRun();
  let rounds = 0;
  while (retryAfterRateLimit(visible.host, 'token-exchange', 429, '0') && visible.tests.length === 0) rounds++;
  expect(rounds).toBe(MAX_RATE_LIMIT_RETRIES);
  for (const run of [inScript, visible]) expect(run.logs.filter((l) => l.startsWith('IDCloud: rate limited (429), '))).toHaveLength(MAX_RATE_LIMIT_RETRIES);
});
