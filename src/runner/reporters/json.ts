/**
 * `json`: Newman's JSON run summary, one file per environment (idcloud-<env>.json), with the runner's verdict
 * added under `idcloud` (finalize): what the console summary says, for programs.
 */
import { rowVerdict, verdictNotes } from '../summary-table';
import type { EnvironmentResult } from '../types';
import type { RunReporter } from './types';

export function finalizeJson(text: string, result: EnvironmentResult): string {
  let summary: Record<string, unknown>;
  try {
    summary = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return text;
  }
  summary.idcloud = {
    environment: result.name,
    verdict: rowVerdict(result),
    status: result.status,
    reason: result.reason,
    notes: verdictNotes(result),
    assertions: result.assertions,
    skippedFor: result.skippedFor ?? {},
    noToken: result.noToken ?? 0,
    invalidAttempts: result.invalidAttempts,
  };
  return JSON.stringify(summary, null, 2);
}

export const reporter: RunReporter = {
  name: 'json',
  isDefault: (ctx) => Boolean(ctx.reportDir),
  file: { suffix: 'json', finalize: finalizeJson },
};
