/** `cli`: live progress and the summary table on stdout (console-reporter.ts). On unless other reporters are named. */
import { attachConsoleReporter, ConsoleReporterOptions } from '../console-reporter';
import type { RunReporter } from './types';

export const reporter: RunReporter = {
  name: 'cli',
  isDefault: () => true,
  attach: (run, options) => attachConsoleReporter(run, (options ?? {}) as ConsoleReporterOptions),
};
