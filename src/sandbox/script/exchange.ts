/**
 * One token exchange from a script with pm.sendRequest (callback style: a pending callback holds the request in
 * every sandbox; a bare Promise is not awaited everywhere). 429 is retried after Retry-After, bounded. Every answer
 * teaches the server's clock (times.ts); a rejection whose Date header reveals a skew not yet applied is
 * retried once, dated by the server's clock. An outage (5xx, not JSON) records the run's unavailability signal.
 */
import { JWT_BEARER_GRANT_TYPE } from '../../idcloud/hosts';
import { retriesOnServerClock } from '../../idcloud/clock-retry';
import { isLockout } from '../../idcloud/error-code';
import { rateLimitNotice, rateLimitWaitMs } from '../../idcloud/rate-limit';
import { readTokenBody, unavailableAnswer } from '../../idcloud/token-response';
import { describeExchangeFailure, FailureNote } from '../../suites/outcome';
import { signalLine } from '../../suites/run-signals';
import { ENVIRONMENT_UNAVAILABLE_TEST, RUN_VARIABLES } from '../../suites/variables';
import { fail, Host, PmRequestDefinition, PmResponse, textVar } from './pm';
import { learnEmulator } from './emulator';
import { countInvalidAttempt } from './run-state';
import { learnClockOffset } from './times';

export type ExchangeOutcome =
  /** `warning`: expires_in valid but unusually long (idcloud/token-response.ts), for the console. */
  | { ok: true; accessToken: string; expiresInSeconds: number; warning?: string }
  /** `unavailable`: the answer means an outage (5xx, not JSON), not a refusal. */
  | { ok: false; status: number; locked: boolean; failure: FailureNote; unavailable?: boolean };

export function tokenRequest(tokenUrl: string, assertion: string): PmRequestDefinition {
  return {
    url: tokenUrl,
    method: 'POST',
    header: [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
    body: {
      mode: 'urlencoded',
      urlencoded: [
        { key: 'grant_type', value: JWT_BEARER_GRANT_TYPE },
        { key: 'assertion', value: assertion },
      ],
    },
  };
}

/** Reads a token response with the shared rule (idcloud/token-response.ts); anything else is a failure saying why. */
export function readTokenResponse(response: PmResponse): ExchangeOutcome {
  const text = response.text();
  const unavailable = unavailableAnswer(response.code, text);
  if (unavailable) return { ok: false, status: response.code, locked: false, failure: { text: unavailable }, unavailable: true };
  if (response.code !== 200) {
    return { ok: false, status: response.code, locked: isLockout(text), failure: describeExchangeFailure(response.code, text) };
  }
  const reading = readTokenBody(text);
  if (!reading.ok) return { ok: false, status: 200, locked: false, failure: { text: `token endpoint answered 200 but the body ${reading.problem}` } };
  return { ok: true, accessToken: reading.accessToken, expiresInSeconds: reading.expiresIn, warning: reading.warning };
}

/**
 * An outage, once per run: the run signal a runner decides by (suites/run-signals.ts), and the failed test
 * ENVIRONMENT_UNAVAILABLE_TEST that people read in the app and in Newman's report.
 */
export function signalUnavailable(host: Host, reason: string): void {
  if (textVar(host, RUN_VARIABLES.unavailable)) return;
  host.pm.variables.set(RUN_VARIABLES.unavailable, '1');
  host.signal({ kind: 'unavailable', reason }, signalLine(reason));
  fail(host, ENVIRONMENT_UNAVAILABLE_TEST, reason);
}

/** What every valid exchange does with its outcome: warn of a long lifetime, signal an outage. */
export function noteOutcome(host: Host, outcome: ExchangeOutcome): void {
  if (outcome.ok && outcome.warning) host.log(outcome.warning);
  if (!outcome.ok && outcome.unavailable) signalUnavailable(host, outcome.failure.text);
}

/**
 * Exchanges `makeAssertion()` at `tokenUrl`. A fresh assertion is signed for every attempt, so a retry after
 * 429 is never a replay.
 */
export function exchangeAssertion(host: Host, tokenUrl: string, makeAssertion: () => string, done: (outcome: ExchangeOutcome) => void, attempt = 0, clockRetried = false): void {
  host.pm.sendRequest(tokenRequest(tokenUrl, makeAssertion()), (err, response) => {
    if (err || !response) {
      done({ ok: false, status: 0, locked: false, failure: { text: `token endpoint ${tokenUrl} could not be reached` } });
      return;
    }
    const wait = rateLimitWaitMs(response.code, response.headers.get('Retry-After'), attempt);
    if (wait !== undefined) {
      host.log(rateLimitNotice('exchanging', wait, attempt + 1));
      host.setTimeout(() => exchangeAssertion(host, tokenUrl, makeAssertion, done, attempt + 1, clockRetried), wait);
      return;
    }
    learnEmulator(host, response);
    const clockMoved = learnClockOffset(host, response);
    if (retriesOnServerClock(response.code, response.text(), clockMoved, clockRetried)) {
      // Refused while dated by a clock the server disagrees with: the attempt was invalid; once more, on its clock.
      countInvalidAttempt(host);
      exchangeAssertion(host, tokenUrl, makeAssertion, done, attempt, true);
      return;
    }
    const outcome = readTokenResponse(response);
    noteOutcome(host, outcome);
    done(outcome);
  });
}
