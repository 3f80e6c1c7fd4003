/**
 * The run signals: what the layer's scripts tell a runner about the run, as typed data through one channel.
 *
 * A signal travels as one console message of the layer's own scripts: a line for people (the Postman app's
 * console, plain Newman's output) followed by the signal itself, an object under RUN_SIGNAL_KEY. A runner
 * believes a signal only when the message carries that object AND comes from one of the layer's scripts, which
 * it recognises by the script id Newman puts on every console event (`cursor.scriptId`): the runner gives the
 * layer's scripts fresh random ids for each run (collection/auth-layer.ts `tagLayerScripts`). So a user's own
 * script in a wrapped collection cannot forge a signal with a `console.log`, whatever it logs, nor with a test of
 * the same name: no decision reads a console text or an assertion's name.
 *
 * Runtime-neutral: the sandbox scripts emit (sandbox/script/host.ts), the runner reads (runner/newman-listeners.ts).
 */

export type RunSignal =
  /** The run's count of invalid authentication attempts so far (a `Token errors` request, a refused exchange). */
  | { kind: 'invalid-attempts'; count: number }
  /** The valid exchange got a 5xx or an answer that is not JSON: an outage, not a finding (exit 3). `reason`: one line. */
  | { kind: 'unavailable'; reason: string };

export type RunSignalKind = RunSignal['kind'];

/** The key of the signal's object in the console message. */
export const RUN_SIGNAL_KEY = 'idcloudRunSignal';

/** The line people read for a signal. */
export function runSignalText(signal: RunSignal): string {
  switch (signal.kind) {
    case 'invalid-attempts':
      return `IDCloud: invalid authentication attempts in this run: ${signal.count}`;
    case 'unavailable':
      return `IDCloud: ${signal.reason}`;
  }
}

/** The console arguments a signal is logged with: its line, then the data. */
export function runSignalMessages(signal: RunSignal): [string, Record<typeof RUN_SIGNAL_KEY, RunSignal>] {
  return [runSignalText(signal), { [RUN_SIGNAL_KEY]: signal }];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The signal in a console message's arguments (as a runner receives them), or undefined when there is none or
 * it is malformed. Whether the message came from the layer's scripts is the caller's check.
 */
export function readRunSignal(messages: readonly unknown[] | undefined): RunSignal | undefined {
  const data = (messages ?? []).find((m) => isObject(m) && RUN_SIGNAL_KEY in m) as Record<string, unknown> | undefined;
  const signal = data && data[RUN_SIGNAL_KEY];
  if (!isObject(signal)) return undefined;
  if (signal.kind === 'invalid-attempts' && typeof signal.count === 'number' && Number.isInteger(signal.count) && signal.count >= 0) {
    return { kind: 'invalid-attempts', count: signal.count };
  }
  if (signal.kind === 'unavailable' && typeof signal.reason === 'string') return { kind: 'unavailable', reason: signal.reason };
  return undefined;
}
