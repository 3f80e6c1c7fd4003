/**
 * Temporary lockout after too many invalid attempts (1.2.18). Unico does not document its threshold;
 * the emulator's default is off (`lockoutAfter` 0), so the generated negative suite (~20 invalid attempts
 * per run) never locks the account unless a test asks for it with `lockoutAfter`.
 * Counted per account: consecutive invalid attempts; a success resets the count, and so does a lock.
 */
export interface Lockout {
  isLocked(iss: string, nowMs: number): boolean;
  recordFailure(iss: string, nowMs: number): void;
  recordSuccess(iss: string): void;
}

export function createLockout(after: number, seconds: number): Lockout {
  const failures = new Map<string, number>();
  const lockedUntil = new Map<string, number>();
  return {
    isLocked(iss, nowMs) {
      const until = lockedUntil.get(iss);
      if (until === undefined) return false;
      if (nowMs < until) return true;
      lockedUntil.delete(iss);
      return false;
    },
    recordFailure(iss, nowMs) {
      if (after <= 0) return;
      const count = (failures.get(iss) ?? 0) + 1;
      if (count < after) {
        failures.set(iss, count);
        return;
      }
      failures.delete(iss);
      lockedUntil.set(iss, nowMs + seconds * 1000);
    },
    recordSuccess(iss) {
      failures.delete(iss);
    },
  };
}
