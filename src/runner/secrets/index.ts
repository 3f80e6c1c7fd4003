/**
 * The runner's secrets, in one home, behind one entry the run calls (RunScrubber):
 * - what is a secret: the ones the run is given, in every spelling, and anything JWT-shaped (secret-set.ts), and
 *   values stored or sent under a secret-looking name (names.ts);
 * - what was seen on the wire: credentials in requests, answers and variable scopes of a Newman run (wire.ts);
 * - how text and files are scrubbed: event strings, Newman's queued report texts, reports as they are written (files.ts).
 * Every byte the runner writes (events, console lines, report files) passes through it first.
 */
import type { EventEmitter } from 'node:events';
import type { NewmanSummary, SdkRequest, SdkResponse } from '../newman-types';
import type { RunSecrets } from '../types';
import { QueuedExport, scrubbedReportText, scrubQueuedExports } from './files';
import { SecretSet } from './secret-set';
import { collectRequestSecrets, collectScopeSecrets } from './wire';

export { SecretSet, REDACTED, JWT_PATTERN, MIN_OBSERVED_SECRET_LENGTH } from './secret-set';
export { headerCredentials, SECRET_VARIABLE_PATTERN } from './names';

export class RunScrubber extends SecretSet {
  /**
   * Knows the run's secrets (each account's private key, its lines, its API key: one per environment when each
   * has its own) from the start; every account's are masked in every environment's output.
   */
  constructor(...accounts: RunSecrets[]) {
    super();
    for (const secrets of accounts) this.addPem(secrets.privateKeyPem).add(secrets.apiKey);
  }

  /**
   * Learns the secrets one Newman run creates as they cross the wire (assertions, tokens, cached tokens), and
   * scrubs its file reporters' texts before Newman writes them. Attach before the run's own listeners, so that a
   * request's credentials are known before its event is scrubbed.
   */
  watch(newman: EventEmitter): void {
    newman.on('request', (_err: unknown, o: { request?: SdkRequest; response?: SdkResponse }) => {
      if (o?.request) collectRequestSecrets(o.request, o.response, this);
    });
    newman.on('start', () => {
      // Registered only now, after Newman attached its reporters: this runs after they queued their report
      // texts and before Newman writes them, so the files are scrubbed before they ever reach the disk.
      newman.on('beforeDone', (_err: unknown, o: { summary?: NewmanSummary }) => {
        if (o?.summary) collectScopeSecrets(o.summary, this);
        scrubQueuedExports((newman as unknown as { exports?: QueuedExport[] }).exports, this);
      });
    });
    // What the scripts stored last, also when the run ended before `beforeDone`.
    newman.on('done', (_err: unknown, summary?: NewmanSummary) => {
      if (summary) collectScopeSecrets(summary, this);
    });
  }

  /** A report's text as it may be written: scrubbed (undefined when the reporter produced none). */
  reportText(content: unknown): string | undefined {
    return scrubbedReportText(content, this);
  }
}
