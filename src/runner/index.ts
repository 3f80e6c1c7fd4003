/**
 * runSuites: Newman runs for several environments at once, as an event emitter (like newman's own
 * `run`). Reporters — the console display, the summary table, report files — are attached by name from the
 * registry (reporters/registry.ts); the core only runs, counts and scrubs. Bad options throw an InputError
 * synchronously, before anything runs.
 */
import { DIRECT, newmanNetworkOptions } from '../network';
import { tagLayerScripts } from '../collection/auth-layer';
import { NoEnvironmentError, NoPrivateKeyError } from './errors';
import { attachReporters, fileReporters, prepareReportDir, resolveReporters } from './reporters';
import { throwawayOtherKeyPem } from './other-key';
import { RunEmitter } from './run-emitter';
import { runEnvironment } from './run-environment';
import { RunScrubber } from './secrets';
import { planRun, SuitePlan } from './suites';
import type { EnvironmentResult, RunResult, RunSuitesOptions } from './types';
import { runExitCode } from './verdict';

export * from './types';
export { RunEmitter } from './run-emitter';
export { planSuites, planRun, hasSuiteFolders, SUITES, isSuite, UnsafeErrorsSuiteError, SuiteError, CollectionShapeError } from './suites';
export { DEFAULT_MAX_INVALID_ATTEMPTS } from '../suites/variables';
export type { Suite, SuitePlan, RunScope, RunChoice } from './suites';
export { REPORTERS, REPORTER_REGISTRY, resolveReporters, htmlextraInstalled, ReporterError } from './reporters';
export type { ReporterName, RunReporter, FileReport, ReporterContext } from './reporters';
export { SecretSet, REDACTED, JWT_PATTERN } from './secrets';
export { throwawayOtherKeyPem } from './other-key';
export { runExitCode, verdictLabel, reporterFailureLine } from './verdict';

const DEFAULT_TIMEOUT_MS = 15000;

export function runSuites(opts: RunSuitesOptions): RunEmitter {
  if (!opts.environments || opts.environments.length === 0) {
    throw new NoEnvironmentError('--env: name at least one environment to run');
  }
  const secrets = opts.environments.map((input) => input.secrets ?? opts.secrets);
  const keyless = opts.environments.find((_input, i) => !secrets[i]?.privateKeyPem);
  if (keyless) {
    throw new NoPrivateKeyError(`--key: a private key is needed to run the collection (environment ${keyless.env.name} has none)`);
  }
  const choice = { suite: opts.suite, maxInvalid: opts.maxInvalid, allowProductionErrors: opts.allowProductionErrors, folders: opts.folders };
  // Checked now, before anything runs, as if every loopback server were the emulator (the widest plan); each
  // environment's plan is made again once its preflight has seen whether the emulator answers (run-environment.ts).
  const plans: SuitePlan[] = opts.environments.map(({ env }) => planRun(env, opts.collection, choice, env.isLoopback));
  const reporterContext = { reportDir: opts.reportDir, env: opts.processEnv ?? {} };
  const reporters = resolveReporters(opts.reporters, reporterContext.reportDir, reporterContext.env);
  const files = fileReporters(reporters).map((r) => r.name);
  if (opts.reportDir && files.length > 0) prepareReportDir(opts.reportDir);
  const scrubber = new RunScrubber(...secrets.map((s) => s!));
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // One place for every connection's proxy and trust: the preflight's and Newman's (src/network).
  const network = opts.network ?? DIRECT;
  const newmanNetwork = newmanNetworkOptions(network);
  // The run's own copy, its layer scripts tagged: run signals are believed from those scripts only.
  const collection = structuredClone(opts.collection);
  const layerScriptIds = tagLayerScripts(collection);

  const run = new RunEmitter(scrubber, reporters, async (emitter) => {
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
          collection,
          layerScriptIds,
          plan: plans[i],
          replan: (emulator: boolean) => planRun(input.env, opts.collection, choice, emulator),
          secrets: secrets[i]!,
          scrubber,
          reportDir: opts.reportDir,
          fileReporters: files,
          reporterOptions: opts.reporterOptions,
          reporterFailed: (reporter, error) => emitter.reporterFailed(reporter, error),
          timeoutMs,
          skipPreflight: Boolean(opts.skipPreflight),
          network,
          newmanNetwork,
          otherKeyPem: plans[i].sendsInvalidAttempts ? otherKeyPem : undefined,
          emit,
        });
        emit('env-done', result);
        return result;
      }),
    );
    // The run's own list: a reporter failing on `done` below still joins it.
    const result: RunResult = { environments, exitCode: runExitCode(environments), reporters, reporterFailures: emitter.reporterFailures };
    emit('done', result);
    return result;
  });
  attachReporters(run, reporters, reporterContext, opts.reporterOptions);
  return run;
}
