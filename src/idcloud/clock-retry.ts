/**
 * The "once more on the server's clock" rule, one place for the collection (sandbox/script/exchange.ts, tests.ts)
 * and the Node exchange (exchange/exchange.ts). An assertion dated by a clock the server disagrees with is refused
 * (iat in the future, exp in the past); the answer's Date header teaches the offset (clock.ts), and the exchange
 * is tried once more, dated by the server's clock. Only a refusal qualifies: a 4xx that is not the rate limit
 * (429 has its own retry, rate-limit.ts, and an exhausted one is no refusal of the assertion), not an outage
 * (token-response.ts `unavailableAnswer`) and not the lockout (1.2.18: only a wait ends it). A 200, whatever its
 * body, is never retried. The refused attempt was an invalid one; the retry is the only one.
 */
import { isLockout } from './error-code';
import { unavailableAnswer } from './token-response';

/**
 * True when this answer of the token endpoint is retried once on the server's clock: it refused the assertion,
 * its Date header moved the learned offset (`clockMoved`), and the attempt was not already that retry.
 */
export function retriesOnServerClock(status: number, bodyText: string, clockMoved: boolean, alreadyRetried: boolean): boolean {
  if (!clockMoved || alreadyRetried) return false;
  if (status < 400 || status >= 500 || status === 429) return false;
  return !unavailableAnswer(status, bodyText) && !isLockout(bodyText);
}
