/** Two small helpers for reading Newman's loosely shaped objects. */

/** The first line of an error's message (Newman errors can carry stacks and OpenSSL dumps). */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'object' && error && 'message' in error ? String((error as { message: unknown }).message) : String(error);
  return message.split('\n')[0];
}

/** `fn()`, or `fallback` when it throws: SDK objects differ between runtimes and a report must not crash a run. */
export function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
