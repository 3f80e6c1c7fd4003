/**
 * The access-token cache of the collection. A request that needs a token gets the cached one while it has more
 * than a margin of life left; otherwise a fresh assertion is signed and exchanged. The entry is keyed to
 * identity URL + iss, so switching environment or account never reuses a token, and lives in the active
 * environment (else in collection variables) so that it survives between requests and runs in the Postman app.
 */
import { ENV_VARIABLES, RUN_VARIABLES, TOKEN_CACHE_VARIABLE } from '../../suites/variables';
import { parseJson } from '../../idcloud/json';
import type { FailureNote } from '../../suites/outcome';
import { exchangeAssertion, ExchangeOutcome } from './exchange';
import { countInvalidAttempt } from './run-state';
import type { Host, PmVariableScope } from './pm';

export interface CachedToken {
  /** identity URL + iss the token was issued for. */
  key: string;
  accessToken: string;
  /** Epoch ms, from the response's expires_in (never assumed). */
  expiresAt: number;
  lifetimeMs: number;
}

const MAX_REFRESH_MARGIN_MS = 60000;
/** Token exp is in whole seconds (up to 1 s earlier than issued-at + expires_in) and the response took time to arrive. */
const GRANULARITY_MARGIN_MS = 1000;

export function cacheKey(aud: string, iss: string): string {
  return `${aud} ${iss}`;
}

/** Refresh a minute before expiry, or at 90% of the lifetime when tokens are short-lived, plus a second. */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs * 0.1) + GRANULARITY_MARGIN_MS;
}

export function isUsable(entry: CachedToken | undefined, key: string, nowMs: number): entry is CachedToken {
  return !!entry && entry.key === key && !!entry.accessToken && entry.expiresAt - refreshMarginMs(entry.lifetimeMs) > nowMs;
}

export function cacheEntry(key: string, accessToken: string, expiresInSeconds: number, nowMs: number): CachedToken {
  const lifetimeMs = expiresInSeconds * 1000;
  return { key, accessToken, expiresAt: nowMs + lifetimeMs, lifetimeMs };
}

/** The environment when one is active (it holds identity_url), else the collection variables. */
export function cacheScope(host: Host): PmVariableScope {
  const pm = host.pm;
  return pm.environment.has(ENV_VARIABLES.identityUrl) ? pm.environment : pm.collectionVariables;
}

export function readCache(host: Host): CachedToken | undefined {
  const raw = cacheScope(host).get(TOKEN_CACHE_VARIABLE);
  if (typeof raw !== 'string' || !raw) return undefined;
  const parsed = parseJson(raw) as CachedToken | null | undefined;
  return parsed && typeof parsed.accessToken === 'string' && typeof parsed.expiresAt === 'number' ? parsed : undefined;
}

/** The cached token for `key` while it is usable: what a request with a cached token costs (no key, no signing). */
export function cachedAccessToken(host: Host, key: string): string | undefined {
  const cached = readCache(host);
  return isUsable(cached, key, host.now()) ? cached.accessToken : undefined;
}

export function writeCache(host: Host, entry: CachedToken): void {
  // Type secret: the Postman app masks it in the environment editor.
  cacheScope(host).set(TOKEN_CACHE_VARIABLE, JSON.stringify(entry), 'secret');
}

/**
 * A product API answered 401 to the layer's token (`sentToken`): the server no longer accepts it (it restarted,
 * the key was rotated, the token revoked) although the cache would keep it until shortly before its expiry.
 * The cache forgets it, saying so, so that the next request (or send in the app) exchanges again. Nothing is
 * retried here: one 401, at most one cleared entry, and the next exchange is an ordinary one (a refused one
 * counts as an invalid attempt, as always).
 */
export function forgetRejectedToken(host: Host, sentToken: string): void {
  const cached = readCache(host);
  if (!cached || cached.accessToken !== sentToken) return;
  cacheScope(host).set(TOKEN_CACHE_VARIABLE, '', 'secret');
  host.log('IDCloud: 401 to the cached access token, which the server no longer accepts: cleared it; the next request exchanges again');
}

/** Rejections (4xx) are remembered for the run; 429 is retried inside the exchange, 5xx and network errors are not remembered. */
export function isRememberedFailure(status: number): boolean {
  return status >= 400 && status < 500 && status !== 429;
}

/** A rejected exchange: remembered for the run, and one invalid attempt at Unico's lockout counter. */
export function rememberFailure(host: Host, key: string, failure: FailureNote): void {
  host.pm.variables.set(RUN_VARIABLES.tokenFailure, JSON.stringify({ key, failure }));
  countInvalidAttempt(host);
}

export function forgetFailure(host: Host): void {
  host.pm.variables.set(RUN_VARIABLES.tokenFailure, '');
}

/** The run's refused exchange for `key` (any key when undefined), if there was one. */
export function rememberedFailure(host: Host, key?: string): FailureNote | undefined {
  const raw = host.pm.variables.get(RUN_VARIABLES.tokenFailure);
  if (typeof raw !== 'string' || !raw) return undefined;
  const parsed = parseJson(raw) as { key?: string; failure?: FailureNote } | null | undefined;
  return parsed && (key === undefined || parsed.key === key) && parsed.failure && typeof parsed.failure.text === 'string' ? parsed.failure : undefined;
}

export const NOT_RETRIED = ' (not retried in this run: each failed exchange is another invalid attempt)';

/** `remembered`: the exchange was refused earlier in this run and not tried again. */
export type TokenResult = { ok: true; accessToken: string; fromCache: boolean } | { ok: false; locked: boolean; failure: FailureNote; remembered?: boolean };

/** A token for `key`: the cached one, or a new exchange of `makeAssertion()` that refills the cache. */
export function getAccessToken(host: Host, key: string, tokenUrl: string, makeAssertion: () => string, done: (result: TokenResult) => void): void {
  const cached = cachedAccessToken(host, key);
  if (cached !== undefined) {
    done({ ok: true, accessToken: cached, fromCache: true });
    return;
  }
  const failedBefore = rememberedFailure(host, key);
  if (failedBefore !== undefined) {
    done({ ok: false, locked: false, failure: { ...failedBefore, text: failedBefore.text + NOT_RETRIED }, remembered: true });
    return;
  }
  // The lifetime counts from when the server issued the token: before the answer arrived.
  const requestedAt = host.now();
  exchangeAssertion(host, tokenUrl, makeAssertion, (outcome: ExchangeOutcome) => {
    if (!outcome.ok) {
      if (isRememberedFailure(outcome.status)) rememberFailure(host, key, outcome.failure);
      done({ ok: false, locked: outcome.locked, failure: outcome.failure });
      return;
    }
    writeCache(host, cacheEntry(key, outcome.accessToken, outcome.expiresInSeconds, requestedAt));
    done({ ok: true, accessToken: outcome.accessToken, fromCache: false });
  });
}
