/**
 * A hand-written stand-in for Postman's `pm`, for the pure logic of the collection scripts (cache decisions,
 * retry bookkeeping, dispatch). Real sandboxes are exercised by test/e2e-collection.
 */
import type { Host, Pm, PmRequestAuth, PmRequestDefinition, PmResponse, PmVariableScope } from '../../../src/sandbox/script/pm';
import { findApiCase } from '../../../src/suites/api';
import type { RunSignal } from '../../../src/suites/run-signals';
import { CASE_HEADER, PRODUCT_URL_VARIABLE } from '../../../src/suites/variables';

export class FakeScope implements PmVariableScope {
  readonly values = new Map<string, unknown>();
  constructor(initial: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(initial)) this.values.set(k, v);
  }
  get(key: string): unknown {
    return this.values.get(key);
  }
  set(key: string, value: unknown): void {
    this.values.set(key, value);
  }
  has(key: string): boolean {
    return this.values.has(key);
  }
}

export function fakeResponse(code: number, body: unknown, headers: Record<string, string> = {}): PmResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { code, text: () => text, headers: { get: (name) => headers[name], remove: () => undefined } };
}

export interface FakeRun {
  host: Host;
  pm: Pm;
  local: FakeScope;
  environment: FakeScope;
  collectionVariables: FakeScope;
  sent: PmRequestDefinition[];
  tests: { name: string; failure?: string; skipped?: boolean }[];
  logs: string[];
  /** Run signals the scripts sent (suites/run-signals.ts), in order. */
  signals: RunSignal[];
  waits: number[];
  nextRequest: { value?: string | null };
  skipped: { value: boolean };
  requestHeaders: Map<string, string>;
  clock: { now: number };
}

/** The URL an API case's request is generated with (test/collection checks the generator writes the same). */
function caseUrl(headers: Record<string, string> | undefined): string {
  const c = findApiCase(headers?.[CASE_HEADER] ?? '');
  return c ? `{{${PRODUCT_URL_VARIABLE[c.product]}}}${c.path}` : '';
}

/**
 * `answers` are served in order to pm.sendRequest; `url` is the request's URL as written (default: an API
 * case's, from its case header); `auth` its own auth (undefined: inherits, as both sandboxes show it);
 * `vault` the Postman Vault's secrets (absent: no pm.vault, as in Newman); `location` pm.execution.location
 * ([collection, …folders, request]; absent: unknown, as in a runtime without it).
 */
export function fakeRun(opts: { environment?: Record<string, string>; answers?: PmResponse[]; headers?: Record<string, string>; response?: PmResponse; url?: string; auth?: PmRequestAuth; vault?: Record<string, string>; location?: string[] } = {}): FakeRun {
  const environment = new FakeScope(opts.environment);
  const collectionVariables = new FakeScope();
  const local = new FakeScope();
  const answers = [...(opts.answers ?? [])];
  const run = {} as FakeRun;
  const requestHeaders = new Map(Object.entries(opts.headers ?? {}));
  const tests: FakeRun['tests'] = [];
  const test = Object.assign(
    (name: string, fn: () => void) => {
      try {
        fn();
        tests.push({ name });
      } catch (error) {
        tests.push({ name, failure: (error as Error).message });
      }
    },
    { skip: (name: string) => void tests.push({ name, skipped: true }) },
  );
  const variables: Pm['variables'] = {
    get: (key) => (local.has(key) ? local.get(key) : environment.has(key) ? environment.get(key) : collectionVariables.get(key)),
    set: (key, value) => local.set(key, value),
    has: (key) => local.has(key) || environment.has(key) || collectionVariables.has(key),
    replaceIn: (text) => text.replace(/\{\{([^{}]+)\}\}/g, (whole, name: string) => (variables.has(name) ? String(variables.get(name)) : whole)),
  };
  let url = opts.url ?? caseUrl(opts.headers);
  const vault = opts.vault;
  const pm: Pm = {
    environment,
    collectionVariables,
    variables,
    request: {
      headers: {
        get: (n) => requestHeaders.get(n),
        remove: (n) => {
          // The generator writes the case's URL; the pre-request reads it after removing the case header.
          if (n === CASE_HEADER && opts.url === undefined) url = caseUrl({ [CASE_HEADER]: requestHeaders.get(n) ?? '' });
          requestHeaders.delete(n);
        },
        has: (n) => [...requestHeaders.keys()].some((k) => k.toLowerCase() === n.toLowerCase()),
        add: (h) => void requestHeaders.set(h.key, h.value),
      },
      url: { toString: () => url },
      auth: opts.auth,
    },
    ...(vault && { vault: { get: (name: string) => Promise.resolve(vault[name]) } }),
    response: opts.response,
    info: { requestName: 'the request', requestId: 'request-id' },
    test,
    sendRequest: (request, callback) => {
      run.sent.push(request);
      const answer = answers.shift();
      callback(answer ? null : new Error('no answer'), answer);
    },
    execution: {
      setNextRequest: (next) => (run.nextRequest.value = next),
      skipRequest: () => (run.skipped.value = true),
      ...(opts.location && { location: opts.location }),
    },
  };
  const clock = { now: 1_800_000_000_000 };
  Object.assign(run, {
    pm,
    local,
    environment,
    collectionVariables,
    sent: [],
    tests,
    logs: [],
    signals: [],
    waits: [],
    nextRequest: {},
    skipped: { value: false },
    requestHeaders,
    clock,
  });
  run.host = {
    pm,
    now: () => clock.now,
    setTimeout: (fn, ms) => {
      run.waits.push(ms);
      fn();
    },
    log: (message) => void run.logs.push(message),
    signal: (signal) => void run.signals.push(signal),
  };
  return run;
}

/**
 * The pre-request scripts of one request, in the runtime's order (collection first, then its folder's), each run
 * only while none before it skipped the request: what the runtime does.
 */
export function preRequestChain(run: FakeRun, ...scripts: ((host: Host) => void)[]): void {
  run.skipped.value = false;
  for (const script of scripts) {
    if (run.skipped.value) return;
    script(run.host);
  }
}
