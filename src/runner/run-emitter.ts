/**
 * The run as an event emitter (like newman's own `run`): reporters are its listeners, attached before the
 * first event; `done` settles with the whole result.
 */
import { EventEmitter } from 'node:events';
import type { SecretSet } from './secrets';
import type { ReporterName, RunEvents, RunResult } from './types';

export class RunEmitter extends EventEmitter {
  /** Settles with the whole run's result once every environment is done; never rejects for test failures. */
  readonly done: Promise<RunResult>;
  /** Every secret known to the run; console reporters scrub their lines with it. */
  readonly scrubber: SecretSet;
  /** The reporters in use (attached by the run itself). */
  readonly reporters: ReporterName[];
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

  emitEvent<K extends keyof RunEvents>(event: K, payload: RunEvents[K]): void {
    this.emit(event, payload);
  }

  override on<K extends keyof RunEvents>(event: K, listener: (payload: RunEvents[K]) => void): this;
  override on(event: string | symbol, listener: (...args: any[]) => void): this;
  override on(event: string | symbol, listener: (...args: any[]) => void): this {
    return super.on(event, listener);
  }
}
