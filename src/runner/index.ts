/**
 * runSuites: Newman runs for several environments at once, as an event emitter (like newman's own
 * `run`). Reporters — the console display, the summary table, report files — are listeners; the core
 * only runs, counts and scrubs. Bad options throw an InputError synchronously, before anything runs.
 */
import { EventEmitter } from 'node:events';
import { InputError } from '../errors';
import { fileReporters, prepareReportDir, ReporterName, resolveReporters } from './reporters';
import { throwawayOtherKeyPem } from './other-key';
import { runEnvironment } from './run-environment';
import { SecretSet } from './secrets';
import { planSuites, SuitePlan } from './suites';
import type { EnvironmentResult, RunEvents, RunResult, RunSuitesOptions } from './types';
import { runExitCode } from './verdict';

export * from './types';
export { planSuites, SUITES, DEFAULT_MAX_INVALID, isSuite, UnsafeErrorsSuiteError, SuiteError } from './suites';
export type { Suite, SuitePlan } from './suites';
export { REPORTERS, resolveReporters, reportFileName, htmlextraInstalled, ReporterError } from './reporters';
export type { ReporterName } from './reporters';
export { SecretSet, REDACTED, JWT_PATTERN } from './secrets';
export { throwawayOtherKeyPem } from './other-key';
export { runExitCode, verdictLabel } from './verdict';

const DEFAULT_TIMEOUT_MS = 15000;

export class RunEmitter extends EventEmitter {
  /** Settles with the whole run's result once every environment is done; never rejects for test failures. */
  readonly done: Promise<RunResult>;
  /** Every secret known to the run; console reporters scrub their lines with it. */
  readonly scrubber: SecretSet;
  /** The reporters in use; the caller attaches the console one (`cli`) when listed. */
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

export class CollectionShapeError extends InputError {
  constructor(message: string) {
    super('ERR_COLLECTION_FOLDERS', message);
  }
}

/** Newman would stop with "unable to find a folder"; say which one is missing before anything runs. */
function assertFoldersPresent(collection: object, plans: readonly SuitePlan[]): void {
  const items = (collection as { item?: unknown }).item;
  const names = new Set(Array.isArray(items) ? items.map((i) => (i as { name?: unknown })?.name) : []);
  for (const folder of new Set(plans.flatMap((p) => p.folders))) {
    if (!names.has(folder)) {
      throw new CollectionShapeError(`collection: no top-level folder "${folder}" for suite ${plans.find((p) => p.folders.includes(folder))!.suite}; use a collection from idcloud-postman generate, or pick another --suite`);
    }
  }
}

export function runSuites(opts: RunSuitesOptions): RunEmitter {
  if (!opts.environments || opts.environments.length === 0) {
    throw new InputError('ERR_NO_ENVIRONMENT', '--env: name at least one environment to run');
  }
  if (!opts.secrets?.privateKeyPem) {
    throw new InputError('ERR_NO_PRIVATE_KEY', '--key: a private key is needed to run the collection');
  }
  const plans: SuitePlan[] = opts.environments.map(({ env }) =>
    planSuites(env, { suite: opts.suite, maxInvalid: opts.maxInvalid, allowProductionErrors: opts.allowProductionErrors }),
  );
  assertFoldersPresent(opts.collection, plans);
  const reporters = resolveReporters(opts.reporters, opts.reportDir);
  if (opts.reportDir && fileReporters(reporters).length > 0) prepareReportDir(opts.reportDir);
  const scrubber = new SecretSet().addPem(opts.secrets.privateKeyPem).add(opts.secrets.apiKey);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return new RunEmitter(scrubber, reporters, async (emitter) => {
    const emit = emitter.emitEvent.bind(emitter);
    emit('start', {
      environments: opts.environments.map(({ env }, i) => ({ name: env.name, suite: plans[i].suite, folders: plans[i].folders })),
      reporters,
    });
    // Only the errors suite signs with another key; a failed generation leaves it to the sandbox's own keygen.
    const otherKeyPem = plans.some((p) => p.sendsInvalidAttempts)
      ? throwawayOtherKeyPem().then((pem) => (scrubber.addPem(pem), pem), () => undefined)
      : undefined;
    // Environments in parallel: each is its own Newman run; one that is unreachable does not stop the others.
    const environments: EnvironmentResult[] = await Promise.all(
      opts.environments.map(async (input, i) => {
        const result = await runEnvironment({
          input,
          collection: opts.collection,
          plan: plans[i],
          secrets: opts.secrets,
          scrubber,
          reportDir: opts.reportDir,
          fileReporters: fileReporters(reporters),
          timeoutMs,
          skipPreflight: Boolean(opts.skipPreflight),
          otherKeyPem: plans[i].sendsInvalidAttempts ? otherKeyPem : undefined,
          emit,
        });
        emit('env-done', result);
        return result;
      }),
    );
    const result: RunResult = { environments, exitCode: runExitCode(environments), reporters };
    emit('done', result);
    return result;
  });
}
