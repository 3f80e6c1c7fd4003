/**
 * How report texts and files are scrubbed: in memory, after Newman's file reporters queued their texts and before
 * Newman writes them; and once more on disk, before a staged report is published.
 */
import fs from 'node:fs';
import type { SecretSet } from './secret-set';

/** A report Newman's reporters queued for writing (newman/lib/run/export-file.js). */
export interface QueuedExport {
  content?: unknown;
}

export function scrubQueuedExports(exports: QueuedExport[] | undefined, scrubber: SecretSet): void {
  for (const queued of exports ?? []) {
    const text = typeof queued.content === 'string' ? queued.content : queued.content && typeof queued.content === 'object' ? JSON.stringify(queued.content, null, 2) : undefined;
    if (text !== undefined) queued.content = scrubber.scrub(text);
  }
}

export function scrubFile(file: string, scrubber: SecretSet): void {
  fs.writeFileSync(file, scrubber.scrub(fs.readFileSync(file, 'utf8')));
}
