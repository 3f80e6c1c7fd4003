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
