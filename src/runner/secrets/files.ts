/**
 * How report texts and files are scrubbed: in memory, after Newman's file reporters queued their texts and before
 * Newman writes them; and once more when the runner publishes a report (reporters/staging.ts).
 */
import type { SecretSet } from './secret-set';

/** A report Newman's reporters queued for writing (newman/lib/run/export-file.js). */
export interface QueuedExport {
  content?: unknown;
}

/** A queued report's text (Newman's reporters queue strings or objects, written as JSON), scrubbed; none for none. */
export function scrubbedReportText(content: unknown, scrubber: SecretSet): string | undefined {
  const text = typeof content === 'string' ? content : content && typeof content === 'object' ? JSON.stringify(content, null, 2) : undefined;
  return text === undefined ? undefined : scrubber.scrub(text);
}

export function scrubQueuedExports(exports: QueuedExport[] | undefined, scrubber: SecretSet): void {
  for (const queued of exports ?? []) {
    const text = scrubbedReportText(queued.content, scrubber);
    if (text !== undefined) queued.content = text;
  }
}
