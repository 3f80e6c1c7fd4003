/**
 * One token exchange from a script with pm.sendRequest (callback style: a pending callback holds the request in
 * every sandbox; a bare Promise is not awaited everywhere). 429 is retried after Retry-After, bounded.
 */
import { JWT_BEARER_GRANT_TYPE } from '../../idcloud/hosts';
import { describeExchangeFailure, isLockout, parseJson } from '../../suites/outcome';
import type { Host, PmRequestDefinition, PmResponse } from './pm';

export type ExchangeOutcome =
  | { ok: true; accessToken: string; expiresInSeconds: number }
  | { ok: false; status: number; locked: boolean; message: string };

export const MAX_RATE_LIMIT_RETRIES = 5;
const MAX_RETRY_DELAY_MS = 10000;

/** Retry-After in seconds when given (HTTP-date is not used by Unico), else exponential backoff from 250 ms. */
export function retryDelayMs(retryAfter: string | undefined, attempt: number): number {
  const seconds = Number(retryAfter);
  const base = retryAfter !== undefined && retryAfter !== '' && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 250 * Math.pow(2, attempt);
  // A little growth on top of the server's hint keeps several waiting scripts from retrying in lockstep.
  return Math.min(MAX_RETRY_DELAY_MS, Math.max(base, 100) + 50 * attempt);
}

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

/** Reads a successful token response; anything else is a failure naming what is missing. */
export function readTokenResponse(response: PmResponse): ExchangeOutcome {
  const text = response.text();
  if (response.code !== 200) {
    return { ok: false, status: response.code, locked: isLockout(text), message: describeExchangeFailure(response.code, text) };
  }
  const body = parseJson(text) as { access_token?: unknown; expires_in?: unknown } | undefined;
  const expiresIn = Number(body && body.expires_in);
  if (!body || typeof body.access_token !== 'string' || !body.access_token || !(expiresIn > 0)) {
    return { ok: false, status: 200, locked: false, message: 'token endpoint answered 200 without a usable access_token and expires_in' };
  }
  return { ok: true, accessToken: body.access_token, expiresInSeconds: expiresIn };
}

/**
 * Exchanges `makeAssertion()` at `tokenUrl`. A fresh assertion is signed for every attempt, so a retry after
 * 429 is never a replay.
 */
export function exchangeAssertion(host: Host, tokenUrl: string, makeAssertion: () => string, done: (outcome: ExchangeOutcome) => void, attempt = 0): void {
  host.pm.sendRequest(tokenRequest(tokenUrl, makeAssertion()), (err, response) => {
    if (err || !response) {
      done({ ok: false, status: 0, locked: false, message: `token endpoint ${tokenUrl} could not be reached` });
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
