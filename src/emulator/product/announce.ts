/**
 * Bringing by-Unico processes up to the product clock, and telling the owning account's webhook when one
 * finishes. Called on every read of a process, by the sweep timer (so `--process-seconds` and expiry
 * announce themselves), after the clock is advanced, and by the control path's finish.
 */
import { productNow, type EmulatorState } from '../state';
import { finishProcess, settleProcess, UnicoProcess } from './lifecycle';
import type { UnicoResult } from './scenarios';

/** Settles one process at `nowMs` (the product clock); a process that finished just now is announced. */
export function settle(state: EmulatorState, process: UnicoProcess, nowMs = productNow(state)): UnicoProcess {
  if (settleProcess(process, nowMs)) announce(state, process);
  return process;
}

/** Settles every process that has something due, all at one reading of the clock (up to MAX_PROCESSES of them, every sweep). */
export function sweep(state: EmulatorState): void {
  const nowMs = productNow(state);
  for (const process of state.product.unico.values()) settle(state, process, nowMs);
}

export function finishNow(state: EmulatorState, process: UnicoProcess, result: UnicoResult): void {
  finishProcess(process, result, productNow(state));
  announce(state, process);
}

function announce(state: EmulatorState, process: UnicoProcess): void {
  const webhook = state.registry.byIss.get(process.accountIss)?.webhook;
  if (webhook) state.product.webhooks.send(webhook, { processId: process.id, state: process.state, flow: process.input.flow });
}
