/** `json`: Newman's JSON run summary, one file per environment (idcloud-<env>.json). */
import type { RunReporter } from './types';

export const reporter: RunReporter = {
  name: 'json',
  isDefault: (ctx) => Boolean(ctx.reportDir),
  file: { suffix: 'json' },
};
