/** The end-of-run table (one row per environment) and the lines that explain it. Pure text. */
import { EXIT, EXIT_MEANING } from '../errors';
import type { AssertionFailure, EnvironmentResult, RunResult } from './types';
import { verdictLabel, wasTested } from './verdict';

/** The summary's columns, in the console table and in the GitHub job summary alike. */
export const SUMMARY_HEADERS = ['environment', 'suite', 'token exchange', 'requests', 'passed', 'failed', 'invalid attempts', 'verdict'];

export function summaryRow(r: EnvironmentResult): string[] {
  return [
    r.name,
    r.suite,
    r.tokenExchangeMs === undefined ? '-' : `${r.tokenExchangeMs} ms`,
    String(r.requests),
    String(r.assertions.passed),
    String(r.assertions.failed),
    String(r.invalidAttempts),
    verdictLabel(r.status),
  ];
}

export function formatTable(rows: string[][]): string[] {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  const line = (row: string[]) => row.map((cell, col) => cell.padEnd(widths[col])).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
}

/** At most this many failed checks are listed per environment (summary, job summary, annotations). */
export const MAX_LISTED_FAILURES = 10;

/**
 * The failed checks worth listing: none for an unavailable environment, whose reason says it all and whose
 * other failures follow from the missing token (consequencesLine counts them).
 */
function findings(env: EnvironmentResult): AssertionFailure[] {
  return env.status === 'unavailable' ? [] : env.failures;
}

/** The findings each summary lists (at most `max`), and how many more it only counts. */
export function listedFindings(env: EnvironmentResult, max = MAX_LISTED_FAILURES): { listed: AssertionFailure[]; more: number } {
  const all = findings(env);
  return { listed: all.slice(0, max), more: Math.max(0, all.length - max) };
}

/** `N other checks failed as a consequence…` for an unavailable environment, or undefined. */
function consequencesLine(env: EnvironmentResult): string | undefined {
  if (env.status !== 'unavailable') return undefined;
  const others = env.failures.length - 1;
  if (others <= 0) return undefined;
  return others === 1
    ? '1 other check failed because no token could be obtained; it is not a finding'
    : `${others} other checks failed because no token could be obtained; they are not findings`;
}

/** What explains an environment's verdict before its findings: its reason, and for an outage the consequences line. */
export function verdictNotes(env: EnvironmentResult): string[] {
  return [env.reason, consequencesLine(env)].filter((n): n is string => Boolean(n));
}

/** The run's verdict: its exit code and meaning, and the environments a failure would otherwise hide. */
export function verdictText(result: RunResult): string {
  const untested = result.environments.filter((e) => !wasTested(e.status));
  const also = result.exitCode === EXIT.TEST_FAILED && untested.length > 0 ? `; not tested: ${untested.map((e) => `${e.name} (${e.status})`).join(', ')}` : '';
  return `${EXIT_MEANING[result.exitCode]} (exit ${result.exitCode})${also}`;
}

/** Table, then per environment its reason or its failed assertions (at most `maxFailures` each), then verdict. */
export function formatSummary(result: RunResult, maxFailures = MAX_LISTED_FAILURES): string[] {
  const lines = formatTable([SUMMARY_HEADERS, ...result.environments.map(summaryRow)]);
  for (const env of result.environments) {
    for (const note of verdictNotes(env)) lines.push(`${env.name}: ${note}`);
    if (env.rateLimited > 0) lines.push(`${env.name}: ${env.rateLimited} ${env.rateLimited === 1 ? 'response was' : 'responses were'} 429 Too Many Requests (the server's rate limit), waited out and retried: not a failure, each costs a wait`);
    const { listed, more } = listedFindings(env, maxFailures);
    for (const f of listed) lines.push(`${env.name}: ✗ ${f.request} › ${f.assertion}: ${f.message}`);
    if (more > 0) lines.push(`${env.name}: … and ${more} more failures (see the reports)`);
  }
  const reports = result.environments.flatMap((e) => e.reports);
  if (reports.length > 0) lines.push(`reports: ${reports.join(', ')}`);
  lines.push(`verdict: ${verdictText(result)}`);
  return lines;
}
