/**
 * Runs a Postman v2.1 collection (plain JSON) in the two script sandboxes the product must support, and
 * returns the same shape from both:
 *  - runNewman: newman 6.2.2's library API → postman-runtime 7.39.1 → postman-sandbox 4.7.1 (no crypto,
 *    no TextEncoder, globalThis throws);
 *  - runLatestRuntime: postman-runtime 7.56.1 driven directly, with its own postman-collection 5.x classes,
 *    so scripts run in postman-sandbox 6.x as in the Postman app.
 * Real runs, real HTTP: nothing is mocked.
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports */
import { loadNewman } from '../../src/runner/newman-types';
import { takeExpLane } from '../../src/runner/exp-lanes';
import { INJECTED_VARIABLES } from '../../src/suites/variables';

export interface RunFailure {
  /** The test (assertion) name for a failed assertion; otherwise the error's class name (e.g. TypeError). */
  name: string;
  message: string;
  /** Name of the collection item (request) the failure belongs to; '' when not tied to an item. */
  item: string;
  /** With `iterationData`: the iteration it happened in (0-based), i.e. which row's values the run had. */
  iteration?: number;
}

/** One HTTP exchange: the item's own request or one made by pm.sendRequest from its scripts. */
export interface RunResponse {
  /** The collection item's name for its own request; '' for a pm.sendRequest call (both runtimes agree). */
  item: string;
  method: string;
  url: string;
  code: number;
  body: string;
  /** With `iterationData`: the iteration it was sent in (0-based). */
  iteration?: number;
}

export interface RunResult {
  /** Newman's run summary (runNewman) or a small summary of the same outline (runLatestRuntime). */
  summary: any;
  failures: RunFailure[];
  /** Number of assertions (pm.test calls) executed, passed or failed. */
  assertions: number;
  /** Every console.* call of every script, its arguments joined by a space (non-strings as JSON). */
  consoleLogs: string[];
  /** Every response received, in order, including those of pm.sendRequest calls (tell them apart by url). */
  responses: RunResponse[];
}

export interface RunOptions {
  /** Environment variables for the run (e.g. private_key). */
  envValues?: Record<string, string>;
  /** Overall run timeout; default 60 s. */
  timeoutMs?: number;
  /**
   * Postman Vault secrets, by name (runLatestRuntime only: Newman has no Vault). Script access is allowed, as
   * when the user enables "support in scripts" and allows the collection in the Postman app.
   */
  vaultSecrets?: Record<string, string>;
  /**
   * One iteration per row, each row's values as data variables (they win over the environment's, as with
   * `newman run -d` or the Postman app's data file): several variants of a few requests in one run.
   */
  iterationData?: Record<string, string>[];
  /** Newman's own run options, as `newman run` takes them (runNewman only): iterations and a pause between requests. */
  newman?: { iterationCount?: number; delayRequest?: number };
}

const DEFAULT_TIMEOUT_MS = 60_000;

function environmentJson(envValues: Record<string, string> = {}): { name: string; values: object[] } {
  return {
    name: 'test',
    values: Object.entries(envValues).map(([key, value]) => ({ key, value, type: 'default', enabled: true })),
  };
}

function consoleLine(messages: unknown[]): string {
  return messages.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
}

function itemName(item: any): string {
  return (item && typeof item.name === 'string' && item.name) || '';
}

function responseOf(item: any, request: any, response: any, cursor: any): RunResponse | undefined {
  if (!response) return undefined;
  const body = typeof response.text === 'function' ? response.text() : String(response.stream ?? '');
  const url = request?.url && typeof request.url.toString === 'function' ? request.url.toString() : '';
  return { item: itemName(item), method: String(request?.method ?? ''), url, code: response.code, body, iteration: iterationOf(cursor) };
}

function iterationOf(cursor: any): number {
  return typeof cursor?.iteration === 'number' ? cursor.iteration : 0;
}

/** The runtime's Vault: a variable scope (what `pm.vault.get(NAME)` reads) whose `_.allowScriptAccess` grants scripts access. */
function vaultScope(sdk: any, secrets: Record<string, string>): any {
  const scope = new sdk.VariableScope({
    id: 'vault',
    values: Object.entries(secrets).map(([key, value]) => ({ key, value, type: 'secret', enabled: true })),
  });
  scope._ = { ...scope._, allowScriptAccess: async () => true };
  return scope;
}

/**
 * As the runner does for the runs it starts side by side: this run signs in an exp lane of its own
 * (src/runner/exp-lanes.ts), so that concurrent runs of one account never sign the same assertion. A caller
 * that sets the lane variable itself keeps its own.
 */
async function inExpLane(opts: RunOptions, run: (opts: RunOptions) => Promise<RunResult>): Promise<RunResult> {
  if (opts.envValues?.[INJECTED_VARIABLES.expLane] !== undefined) return withoutIterations(await run(opts), opts);
  const lane = takeExpLane();
  try {
    const envValues = lane.lane === undefined ? opts.envValues : { ...opts.envValues, [INJECTED_VARIABLES.expLane]: String(lane.lane) };
    return withoutIterations(await run({ ...opts, envValues }), opts);
  } finally {
    lane.release();
  }
}

/** Iterations are told only to runs that have several (failures and responses compare as before otherwise). */
function withoutIterations(result: RunResult, opts: RunOptions): RunResult {
  if (opts.iterationData) return result;
  for (const entry of [...result.failures, ...result.responses]) delete entry.iteration;
  return result;
}

/** newman 6.2.2 → postman-sandbox 4.7.1. */
export function runNewman(collection: object, opts: RunOptions = {}): Promise<RunResult> {
  return inExpLane(opts, (laned) => runNewmanInLane(collection, laned));
}

function runNewmanInLane(collection: object, opts: RunOptions): Promise<RunResult> {
  // Loaded as the runner loads it (without newman's own fs.F_OK deprecation warning on Node 24).
  const newman: any = { run: loadNewman() };
  const consoleLogs: string[] = [];
  const responses: RunResponse[] = [];
  let assertions = 0;
  return new Promise((resolve, reject) => {
    const emitter = newman.run(
      {
        collection,
        environment: environmentJson(opts.envValues),
        reporters: [],
        timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        ...(opts.iterationData && { iterationData: opts.iterationData }),
        ...opts.newman,
      },
      (err: Error | null, summary: any) => {
        if (err) return reject(err);
        const failures: RunFailure[] = summary.run.failures.map((f: any) => ({
          name: f.error?.test || f.error?.name || 'Error',
          message: String(f.error?.message ?? ''),
          item: itemName(f.source),
          iteration: iterationOf(f.cursor),
        }));
        resolve({ summary, failures, assertions, consoleLogs, responses });
      },
    );
    emitter.on('assertion', () => {
      assertions += 1;
    });
    emitter.on('console', (_err: unknown, o: any) => consoleLogs.push(consoleLine(o.messages ?? [])));
    emitter.on('request', (_err: unknown, o: any) => {
      const r = responseOf(o.item, o.request, o.response, o.cursor);
      if (r) responses.push(r);
    });
  });
}

/** postman-runtime 7.56.1 → postman-sandbox 6.x (what the Postman app runs). */
export function runLatestRuntime(collection: object, opts: RunOptions = {}): Promise<RunResult> {
  return inExpLane(opts, (laned) => runLatestRuntimeInLane(collection, laned));
}

function runLatestRuntimeInLane(collection: object, opts: RunOptions): Promise<RunResult> {
  const runtime = require('postman-runtime-latest');
  const sdk = require('postman-runtime-latest/node_modules/postman-collection');
  const consoleLogs: string[] = [];
  const responses: RunResponse[] = [];
  const failures: RunFailure[] = [];
  const executions: { item: string; code?: number }[] = [];
  let assertions = 0;
  return new Promise((resolve, reject) => {
    const runner = new runtime.Runner();
    runner.run(
      new sdk.Collection(collection),
      {
        environment: new sdk.VariableScope(environmentJson(opts.envValues)),
        ...(opts.vaultSecrets && { vaultSecrets: vaultScope(sdk, opts.vaultSecrets) }),
        ...(opts.iterationData && { data: opts.iterationData }),
        timeout: { global: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, request: 0, script: 0 },
        requester: { useWhatWGUrlParser: true },
      },
      (err: Error | null, run: any) => {
        if (err) return reject(err);
        const itemAt = (cursor: any): string => {
          try {
            return itemName(run.resolveCursor(cursor));
          } catch {
            return '';
          }
        };
        run.start({
          script(scriptErr: any, cursor: any, _result: unknown, _script: unknown, _event: unknown, item: any) {
            if (scriptErr) {
              failures.push({
                name: scriptErr.name || 'Error',
                message: String(scriptErr.message ?? scriptErr),
                item: itemName(item) || itemAt(cursor),
                iteration: iterationOf(cursor),
              });
            }
          },
          request(reqErr: any, cursor: any, response: any, request: any, item: any) {
            const name = itemName(item) || itemAt(cursor);
            if (reqErr) {
              failures.push({ name: reqErr.name || 'Error', message: String(reqErr.message ?? reqErr), item: name, iteration: iterationOf(cursor) });
            }
            const r = responseOf(item, request, response, cursor);
            if (r) responses.push(r);
            executions.push({ item: name, code: response?.code });
          },
          assertion(cursor: any, list: any[]) {
            for (const a of list ?? []) {
              assertions += 1;
              if (a && !a.passed && !a.skipped) {
                failures.push({
                  name: a.name || a.error?.name || 'AssertionError',
                  message: String(a.error?.message ?? a.name ?? ''),
                  item: itemAt(cursor),
                  iteration: iterationOf(cursor),
                });
              }
            }
          },
          console(_cursor: unknown, _level: string, ...messages: unknown[]) {
            consoleLogs.push(consoleLine(messages));
          },
          done(doneErr: Error | null) {
            if (doneErr) return reject(doneErr);
            resolve({ summary: { run: { failures, executions } }, failures, assertions, consoleLogs, responses });
          },
        });
      },
    );
  });
}

/** Both sandboxes the product supports, named for test titles: `describe.each(BOTH_RUNTIMES)('%s', (_name, run) => …)`. */
export const BOTH_RUNTIMES: readonly (readonly [string, typeof runNewman])[] = [
  ['newman 6.2.2 (postman-sandbox 4.7.1)', runNewman],
  ['postman-runtime 7.56.1 (postman-sandbox 6.x)', runLatestRuntime],
];
