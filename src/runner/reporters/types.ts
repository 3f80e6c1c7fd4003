/** What a reporter is: a listener on the run, or a Newman reporter writing one file per environment, or both. */
import type { RunEmitter } from '../run-emitter';
import type { EnvironmentResult } from '../types';

export interface ReporterContext {
  /** The run's report folder (`--report-dir`), when there is one. */
  reportDir?: string;
  /** The environment variables CI reporters read (RunSuitesOptions.processEnv; the CLI passes its own). */
  env: Readonly<Record<string, string | undefined>>;
}

/** A Newman reporter whose output the runner stages, scrubs and publishes as DIR/idcloud-<env>.<suffix>. */
export interface FileReport {
  suffix: string;
  /** Newman reporter options besides `export` (which the runner sets). */
  newmanOptions?(envName: string): Record<string, unknown>;
  /** The file's text once the environment's verdict is known (before it is scrubbed and published). */
  finalize?(text: string, result: EnvironmentResult): string;
}

export interface RunReporter {
  /** The name `--reporters` takes. */
  name: string;
  /** Whether it is on when the caller names no reporters. */
  isDefault(ctx: ReporterContext): boolean;
  /**
   * Whether the CI platform asks for it (e.g. GITHUB_STEP_SUMMARY is set): then it is on whatever the caller
   * names, since a CI job rarely changes its command line to get what its platform shows.
   */
  auto?(ctx: ReporterContext): boolean;
  /** One line saying why it cannot be used as asked (e.g. not installed), or undefined. */
  problem?(ctx: ReporterContext): string | undefined;
  /** Listens to the run (events in RunEvents); `options` are the caller's `reporterOptions[name]`. */
  attach?(run: RunEmitter, options: unknown, ctx: ReporterContext): void;
  file?: FileReport;
}
