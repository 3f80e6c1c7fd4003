/**
 * The run as an event emitter (like newman's own `run`): reporters are its listeners, attached before the
 * first event; `done` settles with the whole result.
 */
import { EventEmitter } from 'node:events';
import { isolatedView } from './reporters/isolate';
import type { SecretSet } from './secrets';
import type { ReporterFailure, ReporterName, RunEvents, RunResult } from './types';
import { errorLine } from './util';

export class RunEmitter extends EventEmitter {
  /** Settles with the whole run's result once every environment is done; never rejects for test failures. */
  readonly done: Promise<RunResult>;
  /** Every secret known to the run; console reporters scrub their lines with it. */
  readonly scrubber: SecretSet;
  /** The reporters in use (attached by the run itself). */
  readonly reporters: ReporterName[];
  /** Reporters that failed (threw, or could not write their file): one scrubbed line each; the verdict stands. */
  readonly reporterFailures: ReporterFailure[] = [];
  private settled: RunResult | undefined;

  constructor(scrubber: SecretSet, reporters: ReporterName[], work: (emitter: RunEmitter) => Promise<RunResult>) {
    super();
    this.scrubber = scrubber;
    this.reporters = reporters;
    // Deferred a tick so that listeners attached right after runSuites() returns see `start`.
    this.done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => work(this))
      .then((result) => (this.settled = result));
  }

  /** The result once the run is done (undefined before). */
  result(): RunResult | undefined {
    return this.settled;
  }

  /** The run as reporter `name` listens to it: a listener that throws is told once (reporterFailed) and heard no more. */
  reporterView(name: ReporterName): RunEmitter {
    return isolatedView(this, (error) => this.reporterFailed(name, error));
  }

  /** Records a reporter's failure, once per reporter: its name and the first line of what went wrong, scrubbed. */
  reporterFailed(reporter: ReporterName, error: unknown): void {
    if (this.reporterFailures.some((f) => f.reporter === reporter)) return;
    this.reporterFailures.push({ reporter, message: this.scrubber.scrub(errorLine(error)) });
  }

  emitEvent<K extends keyof RunEvents>(event: K, payload: RunEvents[K]): void {
    this.emit(event, payload);
  }

  override on<K extends keyof RunEvents>(event: K, listener: (payload: RunEvents[K]) => void): this;
  override on(event: string | symbol, listener: (...args: any[]) => void): this;
  override on(event: string | symbol, listener: (...args: any[]) => void): this {
    return super.on(event, listener);
  }
}
