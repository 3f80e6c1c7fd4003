/** The end-of-run table (one row per environment) and the lines that explain it. Pure text. */
import { EXIT, EXIT_MEANING } from '../errors';
import type { AssertionFailure, EnvironmentResult, RunResult } from './types';
import type { SkipReason } from '../suites/run-signals';
import { verdictLabel, wasTested } from './verdict';

/** The summary's columns, in the console table and in the GitHub job summary alike. */
export const SUMMARY_HEADERS = ['environment', 'suite', 'token exchange', 'requests', 'passed', 'failed', 'skipped', 'invalid attempts', 'verdict'];

/** A run that checked nothing did not pass anything: said instead of PASS (a wrapped collection with no tests of its own and no request the layer authenticated). */
export const NOTHING_CHECKED = 'NO CHECKS';

/** The verdict word of an environment's row. */
export function rowVerdict(r: EnvironmentResult): string {
  return r.status === 'passed' && r.assertions.total === 0 ? NOTHING_CHECKED : verdictLabel(r.status);
}

export function summaryRow(r: EnvironmentResult): string[] {
  return [
    r.name,
    r.suite,
    r.tokenExchangeMs === undefined ? '-' : `${r.tokenExchangeMs} ms`,
    String(r.requests),
    String(r.assertions.passed),
    String(r.assertions.failed),
    String(r.assertions.skipped),
    String(r.invalidAttempts),
    rowVerdict(r),
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
  if (env.status === 'unavailable') return [];
  // A refused exchange is the reason: a check that failed with that same refusal says nothing more.
  const refusal = env.status === 'failed' ? env.reason : undefined;
  return refusal ? env.failures.filter((f) => !f.message.includes(refusal)) : env.failures;
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

/** What to give so that skipped requests run, in the words of the command line (the app's words are the layer's). */
const SKIP_FIXES: Readonly<Record<SkipReason, (n: number) => string>> = {
  'no-api-key': (n) => `${n} by-Client ${n === 1 ? 'request' : 'requests'} skipped: no API key; give --api-key KEY (or IDCLOUD_API_KEY) to test the by-Client API`,
};

/** One line per group of skipped requests, and the count of checks that could not run for want of a token. */
function skipLines(env: EnvironmentResult): string[] {
  const lines = Object.entries(env.skippedFor ?? {}).map(([why, n]) => SKIP_FIXES[why as SkipReason](n ?? 0));
  const noToken = env.noToken ?? 0;
  if (noToken > 0) lines.push(`${noToken} ${noToken === 1 ? 'request' : 'requests'} could not be checked for want of a token (skipped, not findings)`);
  return lines;
}

/** What explains an environment's verdict before its findings: its reason, for an outage the consequences line, and its skips. */
export function verdictNotes(env: EnvironmentResult): string[] {
  const nothing = env.status === 'passed' && env.assertions.total === 0 ? 'nothing was checked: the run had no test and no request the auth layer authenticated' : undefined;
  return [env.reason, consequencesLine(env), ...skipLines(env), nothing].filter((n): n is string => Boolean(n));
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
