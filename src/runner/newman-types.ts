/**
 * The slice of Newman's programmatic API the runner uses (newman has no bundled types). Newman is loaded
 * lazily by loadNewman(): requiring it costs ~0.5 s, which `--help` must not pay.
 */
import type { EventEmitter } from 'node:events';

export interface SdkList<T> {
  each(fn: (item: T) => void): void;
}
export interface SdkHeader { key: string; value: string; disabled?: boolean }
export interface SdkRequest {
  method: string;
  url: { toString(): string; getPath(): string };
  headers?: SdkList<SdkHeader>;
  body?: { mode?: string; urlencoded?: SdkList<{ key: string; value: string }>; raw?: string };
}
export interface NewmanItem { id?: string; name?: string }
export interface SdkResponse { code: number; responseTime: number; stream?: Buffer }
export interface SdkVariableScope {
  values?: SdkList<{ key: string; value: unknown; type?: string }>;
  get(key: string): unknown;
}
export interface NewmanSummary {
  environment?: SdkVariableScope;
  globals?: SdkVariableScope;
  collection?: { variables?: SdkVariableScope };
  run: { error?: unknown; failures: unknown[] };
}

export interface NewmanRunOptions {
  collection: object;
  environment?: object;
  envVar?: { key: string; value: string }[];
  folder?: string[];
  reporters?: string[];
  reporter?: Record<string, Record<string, unknown>>;
  timeoutRequest?: number;
  /** postman-runtime's requester agents: src/network's routing agents (proxy, trusted CAs). */
  requestAgents?: { http: unknown; https: unknown };
  insecureFileRead?: boolean;
}

export type NewmanRun = (options: NewmanRunOptions, callback: (err: Error | null, summary: NewmanSummary) => void) => EventEmitter;

/**
 * newman 6.2.2's lib/run/secure-fs.js reads every property of `fs` when it loads, and on Node 24 `fs.F_OK` is a
 * deprecated getter: every run would print `[DEP0176] DeprecationWarning: fs.F_OK is deprecated` (newman issue
 * #3324, open upstream). Exactly that warning, and only while Newman loads, is left out; every other one shows.
 */
export function isNewmansFsDeprecation(warning: unknown, rest: unknown[]): boolean {
  const message = warning instanceof Error ? warning.message : String(warning);
  const code = warning instanceof Error ? (warning as NodeJS.ErrnoException).code : typeof rest[0] === 'object' && rest[0] ? (rest[0] as { code?: string }).code : rest[1];
  return code === 'DEP0176' && /^fs\.F_OK is deprecated/.test(message);
}

export function loadNewman(): NewmanRun {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (this: NodeJS.Process, warning: string | Error, ...rest: unknown[]) {
    if (isNewmansFsDeprecation(warning, rest)) return;
    return (emitWarning as (...args: unknown[]) => void).call(this, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('newman') as { run: NewmanRun }).run;
  } finally {
    process.emitWarning = emitWarning;
  }
}
