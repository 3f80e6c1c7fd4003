/**
 * One environment: preflight, one Newman run over the chosen folders with the secrets injected as envVar
 * values, Newman's events turned into the runner's (scrubbed) events, reports published, one result.
 */
import type { NetworkSettings, NewmanNetworkOptions } from '../network';
import { EXIT } from '../errors';
import { takeExpLane } from './exp-lanes';
import { listenToNewman, newTally } from './newman-listeners';
import { loadNewman, NewmanSummary } from './newman-types';
import { probe } from './reachability';
import { attachNewmanReporters, discardReports, publishReports, ReporterName, ReportStaging, stageReports, TakenReports } from './reporters';
import type { RunScrubber } from './secrets';
import type { SuitePlan } from './suites';
import type { EnvironmentInput, EnvironmentResult, EnvironmentStatus, RunEvents, RunSecrets } from './types';
import { INJECTED } from './variables';
import { statusExitCode } from './verdict';
import { errorLine } from './util';

export interface EnvironmentRunContext {
  input: EnvironmentInput;
  collection: object;
  /** The ids `collection`'s layer scripts were given for this run: the only sources of run signals. */
  layerScriptIds: ReadonlySet<string>;
  /** The plan as checked before the run: as if a loopback server were the emulator. */
  plan: SuitePlan;
  /** The plan once the preflight has seen whether the emulator answers (throws an InputError when the choice is unsafe then). */
  replan: (emulator: boolean) => SuitePlan;
  secrets: RunSecrets;
  scrubber: RunScrubber;
  reportDir?: string;
  /** The run's file reporters (junit, json, htmlextra). */
  fileReporters: ReporterName[];
  /** RunSuitesOptions.reporterOptions: a file reporter's entry joins its Newman options. */
  reporterOptions?: Record<string, unknown>;
  /** A reporter failed (threw, or its report cannot be written): told once, never the environment's verdict. */
  reporterFailed: (reporter: ReporterName, error: unknown) => void;
  timeoutMs: number;
  skipPreflight: boolean;
  /** The preflight's proxy and trust. */
  network: NetworkSettings;
  /** The same for Newman's requests (newman.run options). */
  newmanNetwork: NewmanNetworkOptions;
  /** The throwaway "other" key to inject (already in the scrubber), when this plan sends the errors suite. */
  otherKeyPem?: Promise<string | undefined>;
  emit: <K extends keyof RunEvents>(event: K, payload: RunEvents[K]) => void;
}

export async function runEnvironment(context: EnvironmentRunContext): Promise<EnvironmentResult> {
  const started = Date.now();
  let ctx = context;
  const { env } = ctx.input;
  const result: EnvironmentResult = {
    name: env.name,
    suite: ctx.plan.suite,
    folders: ctx.plan.folders,
    status: 'passed',
    exitCode: EXIT.OK,
    requests: 0,
    assertions: { total: 0, passed: 0, failed: 0, skipped: 0 },
    invalidAttempts: 0,
    rateLimited: 0,
    failures: [],
    reports: [],
    durationMs: 0,
  };
  const finish = (status: EnvironmentStatus, reason?: string): EnvironmentResult => {
    result.status = status;
    result.exitCode = statusExitCode(status);
    if (reason) result.reason = ctx.scrubber.scrub(reason);
    result.durationMs = Date.now() - started;
    return result;
  };
  try {
    return await runGuarded(ctx, result, finish);
  } catch (error) {
    // Whatever went wrong costs this environment only (`incomplete`), never the others' results.
    return finish('incomplete', `the run could not complete: ${errorLine(error)}`);
  }
}

async function runGuarded(ctx: EnvironmentRunContext, result: EnvironmentResult, finish: (status: EnvironmentStatus, reason?: string) => EnvironmentResult): Promise<EnvironmentResult> {
  const { env } = ctx.input;
  ctx.emit('env-start', { env: env.name, suite: ctx.plan.suite, folders: ctx.plan.folders });

  // Only an answer with the emulator's signal, on loopback, makes this the emulator; without a preflight it is not.
  const seen = ctx.skipPreflight ? { emulator: false } : await probe(env.identityUrl, ctx.timeoutMs, ctx.network);
  if (seen.unreachable) return finish('unreachable', seen.unreachable);
  try {
    const plan = ctx.replan(seen.emulator);
    if (env.isLoopback && !seen.emulator) {
      ctx.emit('console', { env: env.name, level: 'info', message: `IDCloud: ${env.identityUrl} did not identify itself as the emulator: treated as Unico (${plan.suite === 'collection' || plan.suite === 'folders' ? plan.suite : `suite ${plan.suite}`}, nothing created${plan.sendsInvalidAttempts ? `, at most ${plan.maxInvalid} invalid attempts` : ''})` });
    }
    ctx = { ...ctx, plan };
    Object.assign(result, { suite: plan.suite, folders: plan.folders });
  } catch (error) {
    return finish('incomplete', errorLine(error));
  }

  const staging = stage(ctx);
  let taken: TakenReports | undefined;
  const tally = newTally(result);
  let summary: NewmanSummary;
  const lane = takeExpLane();
  try {
    // Newman loads (synchronously, ~0.5 s on first use) while the other key is generated on the thread pool.
    const newmanRun = loadNewman();
    const otherKeyPem = await ctx.otherKeyPem;
    summary = await new Promise<NewmanSummary>((resolve, reject) => {
      const options = {
        // A fresh copy per environment: runs are concurrent and the SDK keeps references.
        collection: structuredClone(ctx.collection),
        environment: structuredClone(ctx.input.envJson),
        envVar: injectedVariables(ctx, otherKeyPem, lane.lane),
        // None: the whole collection.
        folder: ctx.plan.folders.length > 0 ? ctx.plan.folders : undefined,
        // The runner attaches the file reporters itself, each isolated (reporters/newman-reporters.ts).
        reporters: [],
        timeoutRequest: ctx.timeoutMs,
        ...ctx.newmanNetwork,
        insecureFileRead: false,
      };
      const emitter = newmanRun(options, (err, s) => (err ? reject(err) : resolve(s)));
      // The scrubber first: a request's credentials are known before its event is scrubbed.
      ctx.scrubber.watch(emitter);
      if (staging) taken = attachNewmanReporters(emitter, staging, options, ctx.reporterFailed);
      listenToNewman(emitter, tally, { envName: env.name, identityUrl: env.identityUrl, scrubber: ctx.scrubber, layerScriptIds: ctx.layerScriptIds, emit: ctx.emit });
    });
  } catch (error) {
    if (staging) discardReports(staging);
    return finish('incomplete', `the run could not complete: ${errorLine(error)}`);
  } finally {
    lane.release();
  }

  const failed = result.assertions.failed > 0 || result.failures.length > 0 || (summary.run.failures?.length ?? 0) > 0;
  if (tally.networkFailure) finish('unreachable', tally.networkFailure);
  // An outage: the other failed checks follow from the missing token and are not findings.
  else if (tally.unavailable) finish('unavailable', tally.unavailable);
  // A refused exchange is the verdict's reason, said once (summary-table.ts leaves its repeats out of the findings).
  else finish(failed ? 'failed' : 'passed', failed ? tally.refused : undefined);
  // The reports know the verdict (reporters' finalize): published last.
  if (staging) result.reports = publishReports(staging, taken ?? new Map(), ctx.scrubber, ctx.reporterFailed, result);
  return result;
}

/** The private folder the file reporters' reports are staged in; when it cannot be made, they fail (named), the run goes on. */
function stage(ctx: EnvironmentRunContext): ReportStaging | undefined {
  if (!ctx.reportDir || ctx.fileReporters.length === 0) return undefined;
  try {
    return stageReports(ctx.reportDir, ctx.input.env.name, ctx.fileReporters, ctx.reporterOptions);
  } catch (error) {
    for (const reporter of ctx.fileReporters) ctx.reporterFailed(reporter, error);
    return undefined;
  }
}

function injectedVariables(ctx: EnvironmentRunContext, otherKeyPem: string | undefined, expLane: number | undefined): { key: string; value: string }[] {
  const vars: { key: string; value: string }[] = [{ key: INJECTED.privateKey, value: ctx.secrets.privateKeyPem }];
  if (expLane !== undefined) vars.push({ key: INJECTED.expLane, value: String(expLane) });
  if (otherKeyPem) vars.push({ key: INJECTED.otherPrivateKey, value: otherKeyPem });
  if (ctx.secrets.apiKey) vars.push({ key: INJECTED.apiKey, value: ctx.secrets.apiKey });
  if (ctx.plan.maxInvalid !== undefined) vars.push({ key: INJECTED.maxInvalidAttempts, value: String(ctx.plan.maxInvalid) });
  return vars;
}
