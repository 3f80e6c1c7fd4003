/**
 * `github-annotations`: one `::error title=…::message` workflow command per failed check on stdout as each
 * environment finishes (ci-verdicts.ts), which GitHub Actions shows as annotations on the run and the pull
 * request. On whenever GITHUB_ACTIONS=true; it can also be named in --reporters.
 */
import { annotationLines } from '../ci-verdicts';
import type { RunEvents, TextOutput } from '../types';
import type { RunReporter } from './types';

export interface GithubAnnotationsOptions {
  stream?: TextOutput;
}

export const reporter: RunReporter = {
  name: 'github-annotations',
  isDefault: () => false,
  auto: (ctx) => ctx.env.GITHUB_ACTIONS === 'true',
  attach: (run, options) => {
    const stream = (options as GithubAnnotationsOptions | undefined)?.stream ?? process.stdout;
    run.on('env-done', (env: RunEvents['env-done']) => {
      for (const line of annotationLines(env, (text) => run.scrubber.scrub(text))) stream.write(`${line}\n`);
    });
  },
};
