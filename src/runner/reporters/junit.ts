/** `junit`: Newman's JUnit XML, one file per environment (idcloud-<env>.junit.xml). */
import type { RunReporter } from './types';

export const reporter: RunReporter = {
  name: 'junit',
  isDefault: (ctx) => Boolean(ctx.reportDir),
  file: { suffix: 'junit.xml' },
};
