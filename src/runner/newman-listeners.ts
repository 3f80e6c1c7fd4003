/**
 * Newman's events for one environment → the runner's events (scrubbed) and the environment's tally:
 * requests, assertions, failures, the first successful token exchange time, whether a request failed for network
 * reasons (the environment is then unreachable, not failed), and what the layer's scripts signalled
 * (suites/run-signals.ts): the invalid attempts they counted (the last count), and whether the token endpoint is
 * unavailable (an outage, not a finding). Signals are believed only from the layer's scripts (`layerScriptIds`);
 * no console text and no assertion name decides anything here.
 */
import type { EventEmitter } from 'node:events';
import { TOKEN_PATH } from '../idcloud/hosts';
import { readRunSignal, RunSignal } from '../suites/run-signals';
import type { NewmanItem, SdkRequest, SdkResponse } from './newman-types';
import { describeNetworkError } from './reachability';
import type { SecretSet } from './secrets';
import type { EnvironmentResult, RunEvents } from './types';
import { errorLine, safe } from './util';

export interface RunTally {
  result: EnvironmentResult;
  /** One line, when a request could not reach its host. */
  networkFailure?: string;
  /** The layer's reason, when it signalled that the token endpoint is unavailable. */
  unavailable?: string;
  /** The layer's reason, when it signalled that the valid exchange was refused (the first refusal of the run). */
  refused?: string;
}

export interface ListenContext {
  envName: string;
  identityUrl: string;
  scrubber: SecretSet;
  /** The ids the run gave the layer's scripts (collection/auth-layer.ts `tagLayerScripts`): the only sources of run signals. */
  layerScriptIds: ReadonlySet<string>;
  emit: <K extends keyof RunEvents>(event: K, payload: RunEvents[K]) => void;
}

export function newTally(result: EnvironmentResult): RunTally {
  return { result };
}

export function listenToNewman(emitter: EventEmitter, tally: RunTally, ctx: ListenContext): void {
  const { result } = tally;
  let currentItem = '';
  emitter.on('beforeItem', (_err: unknown, o: { item?: NewmanItem }) => {
    currentItem = o?.item?.name ?? '';
  });
  emitter.on('request', (err: unknown, o: { request?: SdkRequest; response?: SdkResponse; item?: NewmanItem; cursor?: { scriptId?: string } }) => {
    result.requests += 1;
    if (o?.response?.code === 429) result.rateLimited += 1;
    // pm.sendRequest calls arrive with the script's cursor and an anonymous item.
    const fromScript = Boolean(o?.cursor?.scriptId);
    const path = safe(() => o.request!.url.getPath(), '');
    if (!err && result.tokenExchangeMs === undefined && o.response?.code === 200 && path.endsWith(TOKEN_PATH)) {
      result.tokenExchangeMs = o.response.responseTime;
    }
    const networkReason = err ? describeNetworkError(err) : undefined;
    if (networkReason && !tally.networkFailure) tally.networkFailure = `${safe(() => new URL(o.request!.url.toString()).origin, ctx.identityUrl)} is unreachable: ${networkReason}`;
    ctx.emit('request', {
      env: ctx.envName,
      item: ctx.scrubber.scrub(fromScript ? `${currentItem} (script request)` : o?.item?.name ?? currentItem),
      method: o?.request?.method ?? '',
      url: ctx.scrubber.scrub(safe(() => o.request!.url.toString(), '')),
      status: o?.response?.code,
      responseTimeMs: o?.response?.responseTime,
      error: err ? ctx.scrubber.scrub(networkReason ?? errorLine(err)) : undefined,
    });
  });
  emitter.on('assertion', (err: unknown, o: { assertion?: string; skipped?: boolean; item?: NewmanItem }) => {
    const skipped = Boolean(o?.skipped);
    const passed = !err && !skipped;
    result.assertions.total += 1;
    if (skipped) result.assertions.skipped += 1;
    else if (passed) result.assertions.passed += 1;
    else result.assertions.failed += 1;
    const item = ctx.scrubber.scrub(o?.item?.name ?? '');
    const assertion = ctx.scrubber.scrub(o?.assertion ?? '');
    const error = err && !skipped ? ctx.scrubber.scrub(errorLine(err)) : undefined;
    if (error !== undefined) result.failures.push({ request: item, assertion, message: error });
    ctx.emit('assertion', { env: ctx.envName, item, assertion, passed, skipped, error });
  });
  emitter.on('console', (_err: unknown, o: { level?: string; messages?: unknown[]; cursor?: { scriptId?: string } }) => {
    const scriptId = o?.cursor?.scriptId;
    const signal = scriptId !== undefined && ctx.layerScriptIds.has(scriptId) ? readRunSignal(o?.messages) : undefined;
    // A signal is the runner's data, not a line to show.
    if (signal) return takeSignal(tally, signal, ctx.scrubber);
    const message = (o?.messages ?? []).map((m) => (typeof m === 'string' ? m : safe(() => JSON.stringify(m), String(m)))).join(' ');
    ctx.emit('console', { env: ctx.envName, level: o?.level ?? 'log', message: ctx.scrubber.scrub(message.split('\n')[0]) });
  });
  emitter.on('exception', (_err: unknown, o: { error?: unknown }) => {
    result.failures.push({ request: '(script)', assertion: 'script error', message: ctx.scrubber.scrub(errorLine(o?.error)) });
  });
}

function takeSignal(tally: RunTally, signal: RunSignal, scrubber: SecretSet): void {
  switch (signal.kind) {
    case 'invalid-attempts':
      tally.result.invalidAttempts = signal.count;
      return;
    case 'unavailable':
      tally.unavailable ??= scrubber.scrub(signal.reason.split('\n')[0]);
      return;
    case 'exchange-refused':
      tally.refused ??= scrubber.scrub(signal.reason.split('\n')[0]);
      return;
    case 'no-token':
      tally.result.noToken = (tally.result.noToken ?? 0) + 1;
      return;
    case 'skipped': {
      const skipped = (tally.result.skippedFor ??= {});
      skipped[signal.why] = (skipped[signal.why] ?? 0) + 1;
      return;
    }
  }
}
