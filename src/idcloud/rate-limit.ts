/**
 * Unico's token endpoint allows 10 requests per second per tenant, then answers 429 (idcloud-auth.md §3).
 * How long to wait before trying again, for the sandbox scripts and the Node exchange alike.
 */

/** How many times a 429 is retried before the exchange gives up. */
export const MAX_RATE_LIMIT_RETRIES = 5;

/** Longest wait between two attempts, whatever Retry-After says. */
export const MAX_RETRY_DELAY_MS = 10000;

/**
 * Retry-After in seconds when given (Unico sends no HTTP-date), else exponential backoff from 250 ms. A little
 * growth on top of the server's hint keeps several waiting clients from retrying in lockstep.
 */
export function retryDelayMs(retryAfter: string | undefined, attempt: number, maxDelayMs: number = MAX_RETRY_DELAY_MS): number {
  const seconds = Number(retryAfter);
  const hinted = retryAfter !== undefined && retryAfter !== '' && Number.isFinite(seconds) && seconds >= 0;
  const base = hinted ? seconds * 1000 : 250 * Math.pow(2, attempt);
  return Math.min(maxDelayMs, Math.max(base, 100) + 50 * attempt);
}

/**
 * The one retry rule for a 429, whatever does the waiting (the collection's own exchange with a timer, its visible
 * token request run again with setNextRequest, the Node exchange with a sleep): the wait before the next attempt
 * when `status` is 429 and fewer than `maxRetries` retries were made; undefined when it is not a 429 or the
 * retries are spent (the answer then stands, reported as the rate limit). A fresh assertion is signed for the
 * retry (a replay would be refused).
 */
export function rateLimitWaitMs(
  status: number,
  retryAfter: string | undefined,
  retriesSoFar: number,
  maxRetries: number = MAX_RATE_LIMIT_RETRIES,
  maxDelayMs: number = MAX_RETRY_DELAY_MS,
): number | undefined {
  if (status !== 429 || retriesSoFar >= maxRetries) return undefined;
  return retryDelayMs(retryAfter, retriesSoFar, maxDelayMs);
}

/** The console line of a retry after 429 (`what`: which request), in the collection and the Node exchange alike. */
export function rateLimitNotice(what: string, waitMs: number, retry: number, maxRetries: number = MAX_RATE_LIMIT_RETRIES): string {
  return `IDCloud: rate limited (429), ${what} again in ${waitMs} ms (${retry} of ${maxRetries})`;
}
