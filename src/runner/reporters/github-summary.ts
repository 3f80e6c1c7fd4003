/**
 * `github-summary`: appends the run's Markdown summary (ci-verdicts.ts) to the file GITHUB_STEP_SUMMARY names,
 * which GitHub Actions shows on the job's page. On whenever that variable is set; named in --reporters
 * without it, a usage error. One append of the whole text, scrubbed; a file it cannot write costs one line
 * on stderr, never the run's verdict.
 */
import fs from 'node:fs';
import { formatJobSummary } from '../ci-verdicts';
import type { RunEvents, TextOutput } from '../types';
import type { RunReporter } from './types';

export const STEP_SUMMARY_ENV = 'GITHUB_STEP_SUMMARY';

export interface GithubSummaryOptions {
  /** Where a problem writing the file is told (default process.stderr). */
  stderr?: TextOutput;
}

export const reporter: RunReporter = {
  name: 'github-summary',
  isDefault: () => false,
  auto: (ctx) => Boolean(ctx.env[STEP_SUMMARY_ENV]),
  problem: (ctx) => (ctx.env[STEP_SUMMARY_ENV] ? undefined : `${STEP_SUMMARY_ENV} is not set; GitHub Actions sets it to the job summary's file`),
  attach: (run, options, ctx) => {
    const file = ctx.env[STEP_SUMMARY_ENV];
    if (!file) return;
    run.on('done', (result: RunEvents['done']) => {
      try {
        fs.appendFileSync(file, formatJobSummary(result, (text) => run.scrubber.scrub(text)));
      } catch (error) {
        const stderr = (options as GithubSummaryOptions | undefined)?.stderr ?? process.stderr;
        stderr.write(`idcloud-postman: ${STEP_SUMMARY_ENV}: cannot append the job summary to ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`);
      }
    });
  },
};
