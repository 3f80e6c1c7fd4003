/**
 * The slice of Postman's script API (`pm`) the collection scripts use, present in postman-sandbox 4.7.1
 * (newman 6.2.2) and 6.x (the Postman app). Every helper takes the Host (below), the only door to `pm`, so the
 * logic runs in Node tests with a hand-written one; the real runs are the end-to-end tests.
 */
import { parseJson } from '../../idcloud/json';
import type { FailureNote } from '../../suites/outcome';
import type { RunSignal } from '../../suites/run-signals';
import { RUN_VARIABLES } from '../../suites/variables';

export interface PmVariableScope {
  get(key: string): unknown;
  set(key: string, value: unknown, type?: string): void;
  has(key: string): boolean;
}

export interface PmHeaderList {
  get(name: string): string | undefined;
  remove(name: string): void;
  /** Case-insensitive (the request's headers; both sandboxes). */
  has?(name: string): boolean;
  add?(header: { key: string; value: string }): void;
}

/** The request's own auth: undefined in a pre-request script when it inherits (from its folder or the collection). */
export interface PmRequestAuth {
  type?: string;
  toJSON?(): { type?: string; bearer?: { key: string; value: unknown }[] };
}

/** The request being prepared: its URL as written (`{{vars}}` unresolved), headers and own auth. */
export interface PmRequest {
  headers: PmHeaderList;
  url?: { toString(): string };
  auth?: PmRequestAuth | null;
}

/** Postman Vault (the app, sandbox ≥ 5.1.2): a Promise; rejected when scripts may not read the Vault. */
export interface PmVault {
  get(name: string): PromiseLike<unknown>;
}

export interface PmResponse {
  code: number;
  headers: PmHeaderList;
  text(): string;
}

export interface PmRequestDefinition {
  url: string;
  method: string;
  header: { key: string; value: string }[];
  body: { mode: 'urlencoded'; urlencoded: { key: string; value: string }[] };
}

export interface PmTest {
  (name: string, fn: () => void): void;
  skip(name: string, fn?: () => void): void;
}

export interface Pm {
  environment: PmVariableScope;
  collectionVariables: PmVariableScope;
  /** Resolves across scopes on get; `set` writes the run-local scope; `replaceIn` resolves `{{vars}}` in a text. */
  variables: PmVariableScope & { replaceIn(text: string): string };
  request: PmRequest;
  vault?: PmVault;
  response?: PmResponse;
  info: { requestName: string; requestId: string };
  test: PmTest;
  sendRequest(request: PmRequestDefinition, callback: (err: unknown, response: PmResponse | undefined) => void): void;
  execution?: {
    setNextRequest?(next: string | null): void;
    skipRequest?(): void;
    /** Names from the collection down to the request: [collection, …folders, request] (both sandboxes). */
    location?: readonly string[];
  };
}

/** The legacy `postman` global: `setNextRequest` before `pm.execution` had it. */
export interface LegacyPostman {
  setNextRequest?(next: string | null): void;
}

export interface Host {
  pm: Pm;
  postman?: LegacyPostman;
  /** Wall clock in ms; a parameter so logic is testable. */
  now(): number;
  setTimeout(fn: () => void, ms: number): void;
  log(message: string): void;
  /**
   * A run signal for a runner (suites/run-signals.ts): the layer's only channel for what a runner decides by.
   * `line`: what people read for it, worded by the sender with its kind's function (run-signals.ts `runSignalText`).
   */
  signal(signal: RunSignal, line: string): void;
}

/** A variable's text as the run resolves it (environment, collection, run-local); '' when unset. */
export function textVar(host: Host, key: string): string {
  const value = host.pm.variables.get(key);
  return value === undefined || value === null ? '' : String(value);
}

/**
 * Sets a run variable unless it already reads `value`. Every set is a mutation the sandbox ships back to the runtime,
 * which replays it, and one more variable in every later script's context: most requests reset to what is there.
 * A variable defined nowhere is always set, so that `{{name}}` resolves (to '' rather than staying as written).
 */
export function setVariable(host: Host, key: string, value: string): void {
  const variables = host.pm.variables;
  // One lookup (get), not has + get: this runs several times in every request's scripts.
  const current = variables.get(key);
  if (current !== undefined && current !== null && String(current) === value) return;
  variables.set(key, value);
}

export function setNextRequest(host: Host, next: string | null): void {
  const viaPm = host.pm.execution && host.pm.execution.setNextRequest;
  if (viaPm) viaPm.call(host.pm.execution, next);
  else if (host.postman && host.postman.setNextRequest) host.postman.setNextRequest(next);
}

/**
 * A failing pm.test named `name`. A note that names a Unico code (`unicoCode`, suites/outcome.ts) is handed to
 * this request's test script instead, which alone carries Unico's error table and records it with the code's
 * cause and remedy (tests.ts `recordPendingFailures`). Messages never carry a secret.
 */
export function fail(host: Host, name: string, note: FailureNote | string): void {
  const failure = typeof note === 'string' ? { text: note } : note;
  if (failure.unicoCode !== undefined) {
    const pending = pendingFailures(host);
    pending.push([name, failure.text]);
    host.pm.variables.set(RUN_VARIABLES.pendingFailures, JSON.stringify(pending));
    return;
  }
  host.pm.test(name, () => {
    throw new Error(failure.text);
  });
}

/** Failures handed over by `fail`, as [test name, message naming codes with codeNote]. */
export function pendingFailures(host: Host): [string, string][] {
  const text = textVar(host, RUN_VARIABLES.pendingFailures);
  // Empty on almost every request: no JSON work (and no thrown SyntaxError) for nothing.
  const parsed = text ? parseJson(text) : undefined;
  return Array.isArray(parsed) ? (parsed as [string, string][]) : [];
}

export function pass(host: Host, name: string): void {
  host.pm.test(name, () => undefined);
}
