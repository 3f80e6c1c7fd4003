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

import { ENV_VARIABLES, VAULT_SECRETS } from './variables';

export type RunSignal =
  /** The run's count of invalid authentication attempts so far (a `Token errors` request, a refused exchange). */
  | { kind: 'invalid-attempts'; count: number }
  /** The valid exchange got a 5xx or an answer that is not JSON: an outage, not a finding (exit 3). `reason`: one line. */
  | { kind: 'unavailable'; reason: string }
  /** The valid exchange was refused (a 4xx with or without Unico's code): `reason` is one line, the code explained. */
  | { kind: 'exchange-refused'; reason: string }
  /** A request's checks could not run for want of a token (the exchange was refused earlier in the run). */
  | { kind: 'no-token'; request: string }
  /** A request skipped for a reason the runner can name the fix for (`no-api-key`: the by-Client API needs an APIKEY). */
  | { kind: 'skipped'; why: SkipReason; request: string };

/** Why a request was skipped, as far as a runner can tell the user which input to give. */
export type SkipReason = 'no-api-key';

export type RunSignalKind = RunSignal['kind'];

/** What people read in the app's console for a skip (the runner names its own flag instead: runner/summary-table.ts). */
export const SKIP_REASONS: Readonly<Record<SkipReason, string>> = {
  'no-api-key': `${ENV_VARIABLES.apiKey} is empty (fill ${ENV_VARIABLES.apiKey}, or in the Postman app the Vault's ${VAULT_SECRETS.apiKey}, to test the by-Client API)`,
};

/** The key of the signal's object in the console message. */
export const RUN_SIGNAL_KEY = 'idcloudRunSignal';

/**
 * The lines people read, one function per kind: a script that sends a signal words its line with the function of
 * that kind (Host.signal), so each script carries only the lines it can send; runSignalText says which is whose.
 */
export function signalLine(text: string): string {
  return `IDCloud: ${text}`;
}

export function invalidAttemptsLine(count: number): string {
  return signalLine(`invalid authentication attempts in this run: ${count}`);
}

export function noTokenLine(request: string): string {
  return signalLine(`${request}: skipped, no access token (the exchange was refused)`);
}

/** What a request skipped for `why` says (its skipped test, and after `IDCloud: ` its line). */
export function skippedReason(why: SkipReason, request: string): string {
  return `${request}: skipped, ${SKIP_REASONS[why]}`;
}

export function skippedLine(why: SkipReason, request: string): string {
  return signalLine(skippedReason(why, request));
}

/** The line people read for a signal. */
export function runSignalText(signal: RunSignal): string {
  switch (signal.kind) {
    case 'invalid-attempts':
      return invalidAttemptsLine(signal.count);
    case 'unavailable':
    case 'exchange-refused':
      return signalLine(signal.reason);
    case 'no-token':
      return noTokenLine(signal.request);
    case 'skipped':
      return skippedLine(signal.why, signal.request);
  }
}

/** The console arguments a signal is logged with: its line, then the data (sandbox/script/host.ts sends them). */
export function signalMessages(signal: RunSignal, line: string): [string, Record<typeof RUN_SIGNAL_KEY, RunSignal>] {
  return [line, { [RUN_SIGNAL_KEY]: signal }];
}

/** The same with the signal's own line (runSignalText). */
export function runSignalMessages(signal: RunSignal): [string, Record<typeof RUN_SIGNAL_KEY, RunSignal>] {
  return signalMessages(signal, runSignalText(signal));
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
  if ((signal.kind === 'unavailable' || signal.kind === 'exchange-refused') && typeof signal.reason === 'string') return { kind: signal.kind, reason: signal.reason };
  if (signal.kind === 'no-token' && typeof signal.request === 'string') return { kind: 'no-token', request: signal.request };
  if (signal.kind === 'skipped' && typeof signal.request === 'string' && typeof signal.why === 'string' && signal.why in SKIP_REASONS) {
    return { kind: 'skipped', why: signal.why as SkipReason, request: signal.request };
  }
  return undefined;
}
