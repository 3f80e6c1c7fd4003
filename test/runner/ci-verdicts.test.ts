/** The CI page texts: workflow-command escaping, the Markdown job summary, the annotations — all scrubbed. */
import { annotationLines, formatJobSummary, markdownText } from '../../src/runner/ci-verdicts';
import { REDACTED, SecretSet } from '../../src/runner/secrets';
import type { EnvironmentResult, RunResult } from '../../src/runner/types';
import { escapeCommandData, escapeCommandProperty, workflowCommand } from '../../src/runner/workflow-commands';
import { markdownTables } from './markdown-table';

const SECRET = 'apikey-ci-verdicts-0a1b2c3d4e';
const scrubber = new SecretSet().add(SECRET);
const scrub = (t: string) => scrubber.scrub(t);

const base: EnvironmentResult = {
  name: 'uat', suite: 'all', folders: ['Token', 'Token errors', 'API'], status: 'passed', exitCode: 0, tokenExchangeMs: 212, requests: 31,
  assertions: { total: 60, passed: 60, failed: 0, skipped: 0 }, invalidAttempts: 17, rateLimited: 0, failures: [], reports: [], durationMs: 900,
};
const failed: EnvironmentResult = {
  ...base, name: 'lenient', status: 'failed', exitCode: 1, assertions: { total: 60, passed: 58, failed: 2, skipped: 0 },
  failures: [
    { request: 'Expired exp (1.2.4)', assertion: 'rejected with 401 with 1.2.4', message: 'expected 401, got 200: the server accepted an expired assertion | 100%\nsecond line' },
    { request: 'API | <b>by</b> Client', assertion: `sent ${SECRET}`, message: 'a *bold* _claim_ `code` [link](x)' },
  ],
};
const down: EnvironmentResult = {
  ...base, name: 'prod', status: 'unavailable', exitCode: 3, tokenExchangeMs: undefined, reason: 'token endpoint answered HTTP 503, not JSON: the environment is unavailable',
  failures: [{ request: 'Exchange', assertion: 'token endpoint available', message: 'token endpoint answered HTTP 503, not JSON: the environment is unavailable' }, { request: 'API', assertion: 'x', message: 'no token' }],
};
const result: RunResult = { environments: [base, failed, down], exitCode: 1, reporters: ['cli'], reporterFailures: [] };

test('workflow commands: % CR LF escaped in the message, also : and , in properties; always one line', () => {
  expect(escapeCommandData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
  expect(escapeCommandProperty('idcloud uat: a, b')).toBe('idcloud uat%3A a%2C b');
  expect(workflowCommand('error', { title: 'idcloud uat: x, y', file: undefined }, 'line 1\nline 2: 5%')).toBe('::error title=idcloud uat%3A x%2C y::line 1%0Aline 2: 5%25');
  expect(workflowCommand('notice', {}, 'plain')).toBe('::notice::plain');
});

test('annotations: one ::error per finding, one for an environment not tested, none for a pass; scrubbed', () => {
  expect(annotationLines(base, scrub)).toEqual([]);
  const lines = annotationLines(failed, scrub);
  expect(lines).toEqual([
    '::error title=idcloud lenient%3A Expired exp (1.2.4) › rejected with 401 with 1.2.4::expected 401, got 200: the server accepted an expired assertion | 100%25%0Asecond line',
    `::error title=idcloud lenient%3A API | <b>by</b> Client › sent ${REDACTED}::a *bold* _claim_ \`code\` [link](x)`,
  ]);
  // The outage: its reason once, not the consequences.
  expect(annotationLines(down, scrub)).toEqual(['::error title=idcloud prod%3A UNAVAILABLE::token endpoint answered HTTP 503, not JSON: the environment is unavailable']);
  const many = { ...failed, failures: Array.from({ length: 13 }, (_, i) => ({ request: `r${i}`, assertion: 'a', message: 'm' })) };
  const capped = annotationLines(many, scrub);
  expect(capped).toHaveLength(11);
  expect(capped[10]).toBe('::error title=idcloud lenient%3A 3 more failed checks::see the log and the reports');
});

test('job summary: a Markdown table with a row per environment, each finding with its message, nothing secret', () => {
  const md = formatJobSummary(result, scrub);
  expect(md).not.toContain(SECRET);
  expect(md.split('\n')[0]).toBe('### idcloud-postman run — a test failed (exit 1); not tested: prod (unavailable)');
  const [summary, findings, ...rest] = markdownTables(md);
  expect(rest).toEqual([]);
  expect(summary.header).toEqual(['environment', 'suite', 'token exchange', 'requests', 'passed', 'failed', 'skipped', 'invalid attempts', 'verdict']);
  expect(summary.rows).toEqual([
    ['uat', 'all', '212 ms', '31', '60', '0', '0', '17', '✅ PASS'],
    ['lenient', 'all', '212 ms', '31', '58', '2', '0', '17', '❌ FAIL'],
    ['prod', 'all', '-', '31', '60', '0', '0', '17', '⚠️ UNAVAILABLE'],
  ]);
  expect(findings.header).toEqual(['request', 'check', 'message']);
  // Escapes undone, the texts are the messages (one line each); HTML is shown, not rendered.
  expect(findings.rows).toEqual([
    ['Expired exp (1.2.4)', 'rejected with 401 with 1.2.4', 'expected 401, got 200: the server accepted an expired assertion | 100% second line'],
    ['API | &lt;b&gt;by&lt;/b&gt; Client', `sent ${REDACTED}`, 'a *bold* _claim_ `code` [link](x)'],
  ]);
  expect(md).toContain('#### lenient: FAIL');
  expect(md).toContain('#### prod: UNAVAILABLE\n\ntoken endpoint answered HTTP 503, not JSON: the environment is unavailable\n\n1 other check failed because no token could be obtained; it is not a finding');
  expect(md).not.toContain('#### uat');
  expect(md.endsWith('\n\n')).toBe(true);
  expect(markdownText('a|b')).toBe('a\\|b');
});
