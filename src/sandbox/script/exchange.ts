/**
 * One token exchange from a script with pm.sendRequest (callback style: a pending callback holds the request in
 * every sandbox; a bare Promise is not awaited everywhere). 429 is retried after Retry-After, bounded.
 */
import { JWT_BEARER_GRANT_TYPE } from '../../idcloud/hosts';
import { isLockout } from '../../idcloud/error-code';
import { MAX_RATE_LIMIT_RETRIES, retryDelayMs } from '../../idcloud/rate-limit';
import { readTokenBody } from '../../idcloud/token-response';
import { describeExchangeFailure, FailureNote } from '../../suites/outcome';
import type { Host, PmRequestDefinition, PmResponse } from './pm';

export type ExchangeOutcome =
  | { ok: true; accessToken: string; expiresInSeconds: number }
  | { ok: false; status: number; locked: boolean; failure: FailureNote };

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
  if (response.code !== 200) {
    return { ok: false, status: response.code, locked: isLockout(text), failure: describeExchangeFailure(response.code, text) };
  }
  const reading = readTokenBody(text);
  if (!reading.ok) return { ok: false, status: 200, locked: false, failure: { text: `token endpoint answered 200 but the body ${reading.problem}` } };
  return { ok: true, accessToken: reading.accessToken, expiresInSeconds: reading.expiresIn };
}

/**
 * Exchanges `makeAssertion()` at `tokenUrl`. A fresh assertion is signed for every attempt, so a retry after
 * 429 is never a replay.
 */
export function exchangeAssertion(host: Host, tokenUrl: string, makeAssertion: () => string, done: (outcome: ExchangeOutcome) => void, attempt = 0): void {
  host.pm.sendRequest(tokenRequest(tokenUrl, makeAssertion()), (err, response) => {
    if (err || !response) {
      done({ ok: false, status: 0, locked: false, failure: { text: `token endpoint ${tokenUrl} could not be reached` } });
      return;
    }
    if (response.code === 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
      const wait = retryDelayMs(response.headers.get('Retry-After'), attempt);
      host.log(`IDCloud: token endpoint rate limit (429), retrying in ${wait} ms (${attempt + 1} of ${MAX_RATE_LIMIT_RETRIES})`);
      host.setTimeout(() => exchangeAssertion(host, tokenUrl, makeAssertion, done, attempt + 1), wait);
      return;
    }
    done(readTokenResponse(response));
  });
}
