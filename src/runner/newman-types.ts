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
  insecureFileRead?: boolean;
}

export type NewmanRun = (options: NewmanRunOptions, callback: (err: Error | null, summary: NewmanSummary) => void) => EventEmitter;

export function loadNewman(): NewmanRun {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('newman') as { run: NewmanRun }).run;
}
