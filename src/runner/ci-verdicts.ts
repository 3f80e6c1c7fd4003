/**
 * The run's verdicts for CI pages, pure text: the Markdown job summary (GITHUB_STEP_SUMMARY) and the error
 * annotations (workflow commands). Both say what the console summary says (summary-table.ts: the same
 * columns, findings, reasons and verdict line) and every text goes through `scrub` before it is formatted.
 */
import type { EnvironmentResult, RunResult } from './types';
import { listedFindings, summaryRow, SUMMARY_HEADERS, verdictNotes, verdictText } from './summary-table';
import { verdictLabel } from './verdict';
import { workflowCommand } from './workflow-commands';

type Scrub = (text: string) => string;

const VERDICT_MARK: Record<string, string> = { PASS: '✅', FAIL: '❌' };

/** Text in a Markdown table cell or line: one line, no HTML, no table breaks, no formatting by accident. */
export function markdownText(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`);
}

function markdownRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function envSection(env: EnvironmentResult, scrub: Scrub): string[] {
  const label = verdictLabel(env.status);
  const lines: string[] = [];
  const { listed, more } = listedFindings(env);
  const notes = verdictNotes(env);
  if (listed.length === 0 && notes.length === 0) return lines;
  lines.push('', `#### ${markdownText(scrub(env.name))}: ${label}`, '');
  for (const note of notes) lines.push(`${markdownText(scrub(note))}`, '');
  if (listed.length > 0) {
    lines.push(markdownRow(['request', 'check', 'message']), markdownRow(['---', '---', '---']));
    for (const f of listed) lines.push(markdownRow([f.request, f.assertion, f.message].map((t) => markdownText(scrub(t)))));
    if (more > 0) lines.push('', `… and ${more} more failed checks (see the log and the reports)`);
  }
  return lines;
}

/** The job summary: a heading with the verdict, one table row per environment, then each environment's failed checks. */
export function formatJobSummary(result: RunResult, scrub: Scrub): string {
  const header = SUMMARY_HEADERS.map(markdownText);
  const rows = result.environments.map((env) => {
    const cells = summaryRow(env).map((c) => markdownText(scrub(c)));
    const verdict = cells[cells.length - 1];
    cells[cells.length - 1] = `${VERDICT_MARK[verdict] ?? '⚠️'} ${verdict}`;
    return markdownRow(cells);
  });
  const lines = [
    `### idcloud-postman run — ${markdownText(scrub(verdictText(result)))}`,
    '',
    markdownRow(header),
    markdownRow(header.map((_, i) => (i >= 3 && i <= 7 ? '---:' : '---'))),
    ...rows,
    ...result.environments.flatMap((env) => envSection(env, scrub)),
  ];
  return `${scrub(lines.join('\n'))}\n\n`;
}

/**
 * One `::error` per finding of a failed environment (at most MAX_LISTED_FAILURES, then one line saying how many
 * more), titled `idcloud <env>: <request> › <check>`; one per environment that was not tested, with its reason.
 */
export function annotationLines(env: EnvironmentResult, scrub: Scrub): string[] {
  const title = (what: string) => scrub(`idcloud ${env.name}: ${what}`);
  const lines: string[] = [];
  if (env.reason) lines.push(workflowCommand('error', { title: title(verdictLabel(env.status)) }, scrub(env.reason)));
  const { listed, more } = listedFindings(env);
  for (const f of listed) lines.push(workflowCommand('error', { title: title(`${f.request} › ${f.assertion}`) }, scrub(f.message)));
  if (more > 0) lines.push(workflowCommand('error', { title: title(`${more} more failed checks`) }, 'see the log and the reports'));
  return lines.map(scrub);
}
