/**
 * One use per assertion (1.2.7). Used assertions are remembered by their SHA-256 (the emulator keeps no
 * usable secret in memory) until their exp, after which they would be rejected as expired anyway.
 */
import { createHash } from 'node:crypto';

export interface ReplayGuard {
  /**
   * Marks the assertion used; false when it already was. Check and mark are one synchronous step, so two
   * concurrent requests carrying the same assertion cannot both pass.
   */
  useOnce(assertion: string, expSeconds: number, nowSeconds: number): boolean;
}

/** Expired entries are swept whenever the store has doubled since the last sweep, so memory stays bounded by live assertions. */
export function createReplayGuard(): ReplayGuard {
  const usedUntil = new Map<string, number>();
  let sweepAt = 1024;
  return {
    useOnce(assertion, expSeconds, nowSeconds) {
      const key = createHash('sha256').update(assertion).digest('base64url');
      if (usedUntil.has(key)) return false;
      usedUntil.set(key, expSeconds);
      if (usedUntil.size >= sweepAt) {
        for (const [used, exp] of usedUntil) if (exp <= nowSeconds) usedUntil.delete(used);
        sweepAt = Math.max(1024, usedUntil.size * 2);
      }
      return true;
    },
  };
}
