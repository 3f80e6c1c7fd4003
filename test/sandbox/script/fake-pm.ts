/**
 * A hand-written stand-in for Postman's `pm`, for the pure logic of the collection scripts (cache decisions,
 * retry bookkeeping, dispatch). Real sandboxes are exercised by test/e2e-collection.
 */
import type { Host, Pm, PmRequestDefinition, PmResponse, PmVariableScope } from '../../../src/sandbox/script/pm';

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
  waits: number[];
  nextRequest: { value?: string | null };
  skipped: { value: boolean };
  requestHeaders: Map<string, string>;
  clock: { now: number };
}

/** `answers` are served in order to pm.sendRequest. */
export function fakeRun(opts: { environment?: Record<string, string>; answers?: PmResponse[]; headers?: Record<string, string>; response?: PmResponse } = {}): FakeRun {
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
  const variables: PmVariableScope = {
    get: (key) => (local.has(key) ? local.get(key) : environment.has(key) ? environment.get(key) : collectionVariables.get(key)),
    set: (key, value) => local.set(key, value),
    has: (key) => local.has(key) || environment.has(key) || collectionVariables.has(key),
  };
  const pm: Pm = {
    environment,
    collectionVariables,
    variables,
    request: { headers: { get: (n) => requestHeaders.get(n), remove: (n) => void requestHeaders.delete(n) } },
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
  };
  return run;
}
