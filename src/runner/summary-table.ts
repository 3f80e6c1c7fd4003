/** The end-of-run table (one row per environment) and the lines that explain it. Pure text. */
import { EXIT_MEANING } from '../errors';
import type { EnvironmentResult, RunResult } from './types';
import { verdictLabel } from './verdict';

const HEADERS = ['environment', 'suite', 'token exchange', 'requests', 'passed', 'failed', 'invalid attempts', 'verdict'];

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

/** Table, then per environment its reason or its failed assertions (at most `maxFailures` each), then verdict. */
export function formatSummary(result: RunResult, maxFailures = 10): string[] {
  const lines = formatTable([HEADERS, ...result.environments.map(summaryRow)]);
  for (const env of result.environments) {
    if (env.reason) lines.push(`${env.name}: ${env.reason}`);
    if (env.rateLimited > 0) lines.push(`${env.name}: ${env.rateLimited} ${env.rateLimited === 1 ? 'response was' : 'responses were'} 429 Too Many Requests (the server's rate limit); each costs a wait before the retry`);
    for (const f of env.failures.slice(0, maxFailures)) lines.push(`${env.name}: ✗ ${f.request} › ${f.assertion}: ${f.message}`);
    if (env.failures.length > maxFailures) lines.push(`${env.name}: … and ${env.failures.length - maxFailures} more failures (see the reports)`);
  }
  const reports = result.environments.flatMap((e) => e.reports);
  if (reports.length > 0) lines.push(`reports: ${reports.join(', ')}`);
  lines.push(`verdict: ${EXIT_MEANING[result.exitCode]} (exit ${result.exitCode})`);
  return lines;
}
