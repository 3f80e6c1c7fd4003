/**
 * Clock skew between this machine and the token endpoint (issue 11 item 3). Unico documents no tolerance for
 * iat, so a local clock a few minutes ahead makes every assertion "issued in the future". Every HTTP answer
 * carries the server's time in its `Date` header (RFC 9110 §6.6.1, whole seconds): the offset learned from it
 * dates assertions by the server's clock. One rule for the collection and the Node exchange.
 */

/** Offsets up to this are noise (Date has whole seconds, plus the answer's travel time): not applied. */
export const CLOCK_OFFSET_THRESHOLD_SECONDS = 5;

/**
 * Server clock minus local clock, in whole seconds, from a `Date` header and the local time the answer
 * arrived; 0 within the threshold; undefined when there is no usable header.
 */
export function clockOffsetSeconds(dateHeader: string | undefined | null, localNowMs: number): number | undefined {
  if (!dateHeader) return undefined;
  const serverMs = Date.parse(dateHeader);
  if (!Number.isFinite(serverMs)) return undefined;
  // Date truncates to the second and the answer took time to arrive: rounding down errs on the side of a
  // back-dated iat (harmless) rather than one in the server's future (refused).
  const offset = Math.floor((serverMs - localNowMs) / 1000);
  return Math.abs(offset) > CLOCK_OFFSET_THRESHOLD_SECONDS ? offset : 0;
}

/** True when a newly learned offset differs from the one assertions were dated by beyond the threshold. */
export function clockOffsetMoved(previousSeconds: number, learnedSeconds: number): boolean {
  return Math.abs(learnedSeconds - previousSeconds) > CLOCK_OFFSET_THRESHOLD_SECONDS;
}

/** The one console line: by how much the local clock is off, and what is done about it. */
export function describeClockOffset(offsetSeconds: number, where: string): string {
  const direction = offsetSeconds > 0 ? 'behind' : 'ahead of';
  return `IDCloud: the local clock is ${Math.abs(offsetSeconds)} s ${direction} ${where} (its Date header); assertions are dated by the server's clock`;
}
