/**
 * Unico's rate limit: at most N token requests per tenant in any one-second window, then 429 with
 * Retry-After. A sliding log of the last N accepted request times per bucket; rejected requests do not count.
 */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(bucket: string, nowMs: number): RateDecision;
}

const WINDOW_MS = 1000;

/** `perSecond` 0 turns the limit off. */
export function createRateLimiter(perSecond: number): RateLimiter {
  const recent = new Map<string, number[]>();
  return {
    take(bucket, nowMs) {
      if (perSecond <= 0) return { allowed: true };
      const times = (recent.get(bucket) ?? []).filter((t) => nowMs - t < WINDOW_MS);
      if (times.length >= perSecond) {
        recent.set(bucket, times);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0] + WINDOW_MS - nowMs) / 1000)) };
      }
      times.push(nowMs);
      recent.set(bucket, times);
      return { allowed: true };
    },
  };
}
