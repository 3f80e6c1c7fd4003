/**
 * Newman's file reporters (junit, json, htmlextra), attached by the runner rather than by Newman, each through its
 * own isolated view of Newman's emitter (isolate.ts): one that throws — ours to configure, htmlextra's to break —
 * costs its own report only. Their report texts are taken from Newman's export queue once queued (and scrubbed, see
 * secrets/), so Newman writes none of them: the runner publishes each, guarded, through staging.ts.
 */
import type { EventEmitter } from 'node:events';
import type { ReporterName } from '../types';
import { isolatedView } from './isolate';
import type { ReportStaging } from './staging';

type NewmanReporter = new (newman: EventEmitter, options: Record<string, unknown>, runOptions: object) => unknown;

/** Newman's own reporters live in newman; any other is the package `newman-reporter-<name>` (as Newman loads it). */
function loadNewmanReporter(name: ReporterName): NewmanReporter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return name === 'junit' || name === 'json' ? require(`newman/lib/reporters/${name}`) : require(`newman-reporter-${name}`);
}

/** A queued report (newman/lib/run/export-file.js). */
interface QueuedExport {
  path?: string;
  content?: unknown;
}

/** Each reporter's report text, once Newman's run is done; a reporter with none produced nothing. */
export type TakenReports = Map<ReporterName, unknown>;

/**
 * Attaches `staging`'s reporters to one Newman run. `runOptions` are the options the run was started with (the
 * reporters read them, as under Newman). Call right after starting the run and after the scrubber's watch.
 */
export function attachNewmanReporters(newman: EventEmitter, staging: ReportStaging, runOptions: object, fail: (reporter: ReporterName, error: unknown) => void): TakenReports {
  const taken: TakenReports = new Map();
  for (const move of staging.moves) {
    try {
      const Reporter = loadNewmanReporter(move.reporter);
      new Reporter(isolatedView(newman, (error) => fail(move.reporter, error)), staging.newmanReporterOptions[move.reporter], runOptions);
    } catch (error) {
      fail(move.reporter, error);
    }
  }
  newman.on('start', () => {
    // Registered now, after the reporters' own and the scrubber's: their texts are queued and scrubbed by then.
    newman.on('beforeDone', () => {
      const queue = (newman as unknown as { exports?: QueuedExport[] }).exports ?? [];
      for (const move of staging.moves) {
        const index = queue.findIndex((queued) => queued.path === move.from);
        if (index >= 0) taken.set(move.reporter, queue.splice(index, 1)[0].content);
      }
    });
  });
  return taken;
}
