/**
 * Bringing by-Unico processes up to the product clock, and telling the owning account's webhook when one
 * finishes. Called on every read of a process, by the sweep timer (so `--process-seconds` and expiry
 * announce themselves), after the clock is advanced, and by the control path's finish.
 */
import { productNow, type EmulatorState } from '../state';
import { finishProcess, settleProcess, UnicoProcess } from './lifecycle';
import type { UnicoResult } from './scenarios';

/** Settles one process; a process that finished just now is announced. */
export function settle(state: EmulatorState, process: UnicoProcess): UnicoProcess {
  if (settleProcess(process, productNow(state))) announce(state, process);
  return process;
}

/** Settles every process that has something due. */
export function sweep(state: EmulatorState): void {
  for (const process of state.product.unico.values()) settle(state, process);
}

export function finishNow(state: EmulatorState, process: UnicoProcess, result: UnicoResult): void {
  finishProcess(process, result, productNow(state));
  announce(state, process);
}

function announce(state: EmulatorState, process: UnicoProcess): void {
  const webhook = state.registry.byIss.get(process.accountIss)?.webhook;
  if (webhook) state.product.webhooks.send(webhook, { processId: process.id, state: process.state, flow: process.input.flow });
}
