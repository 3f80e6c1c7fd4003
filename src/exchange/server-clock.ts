/**
 * The token endpoints' clocks as this process learned them (the rule: src/idcloud/clock.ts): per token URL,
 * server clock minus local clock from the last answer's Date header. Assertions for that URL are dated by it.
 */
import { clockOffsetMoved, clockOffsetSeconds } from '../idcloud/clock';

const offsets = new Map<string, number>();

/** The learned offset for `tokenUrl` in seconds, or undefined before any answer with a usable Date header. */
export function learnedClockOffset(tokenUrl: string): number | undefined {
  return offsets.get(tokenUrl);
}

/** Local time on `tokenUrl`'s clock, in ms. */
export function serverNow(tokenUrl: string, localNowMs: number = Date.now()): number {
  return localNowMs + (offsets.get(tokenUrl) ?? 0) * 1000;
}

/** Learns from an answer's Date header; true when the offset moved beyond the threshold (the assertion was misdated). */
export function learnClockOffset(tokenUrl: string, dateHeader: string | undefined, localNowMs: number = Date.now()): boolean {
  const offset = clockOffsetSeconds(dateHeader, localNowMs);
  if (offset === undefined) return false;
  const previous = offsets.get(tokenUrl) ?? 0;
  offsets.set(tokenUrl, offset);
  return clockOffsetMoved(previous, offset);
}
