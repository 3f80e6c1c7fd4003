/** What a reporter is: a listener on the run, or a Newman reporter writing one file per environment, or both. */
import type { RunEmitter } from '../run-emitter';

export interface ReporterContext {
  /** The run's report folder (`--report-dir`), when there is one. */
  reportDir?: string;
}

/** A Newman reporter whose output the runner stages, scrubs and publishes as DIR/idcloud-<env>.<suffix>. */
export interface FileReport {
  suffix: string;
  /** Newman reporter options besides `export` (which the runner sets). */
  newmanOptions?(envName: string): Record<string, unknown>;
}

export interface RunReporter {
  /** The name `--reporters` takes. */
  name: string;
  /** Whether it is on when the caller names no reporters. */
  isDefault(ctx: ReporterContext): boolean;
  /** One line saying why it cannot be used as asked (e.g. not installed), or undefined. */
  problem?(ctx: ReporterContext): string | undefined;
  /** Listens to the run (events in RunEvents); `options` are the caller's `reporterOptions[name]`. */
  attach?(run: RunEmitter, options: unknown): void;
  file?: FileReport;
}
