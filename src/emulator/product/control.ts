/**
 * The emulator's own control path, off Unico's paths (`/_emulator/…`), for tests and demos. No token: it
 * answers only peers on loopback (127.0.0.0/8, ::1), whatever address the emulator listens on.
 *   POST /_emulator/processes/{id}/finish  {"result":"PROCESS_RESULT_OK"|…}  finishes a by-Unico process
 *        (a by-Client `processing` one completes; no body needed) → 200 the process
 *   GET  /_emulator/processes/{id}          a by-Unico process as GetProcess shows it (its userRedirectUrl)
 *   POST /_emulator/clock  {"advanceSeconds":N}  moves the product clock forward → 200 {"now"}
 * Errors: `{"error","error_description"}` as the emulator's other non-Unico answers.
 */
import { isLoopbackHost } from '../../idcloud/origin';
import { oauthError, Reply } from '../http';
import { productNow, type EmulatorState } from '../state';
import { finishNow, settle, sweep } from './announce';
import { ok } from './call';
import { isObject } from './checks';
import { isFinished, processView } from './lifecycle';
import { readJsonBody } from './json-body';
import { UNICO_RESULTS, UnicoResult } from './scenarios';
import { userRedirectUrl } from './unico-api';
import type { BodyResult } from '../http';

export const CONTROL_PREFIX = '/_emulator';
const MAX_ADVANCE_SECONDS = 366 * 24 * 3600;

/** A peer address on this machine: 127.0.0.0/8 (also IPv4-mapped, `::ffff:127.…`) or ::1. */
export function isLoopbackPeer(address: string | undefined): boolean {
  return address !== undefined && isLoopbackHost(address.replace(/^::ffff:/i, ''));
}

export function finishControl(state: EmulatorState, id: string, body: BodyResult): Reply {
  const client = state.product.client.byId(id);
  if (client) {
    client.completesAtMs = productNow(state);
    return ok({ id });
  }
  const process = state.product.unico.byId(id);
  if (!process) return oauthError(404, 'not_found', 'no process with this id');
  settle(state, process);
  if (isFinished(process)) return oauthError(409, 'already_finished', `the process is ${process.state} (${process.result})`);
  const json = readJsonBody(body);
  const result = json.ok && isObject(json.value) ? json.value.result : undefined;
  if (!UNICO_RESULTS.includes(result as UnicoResult)) return oauthError(400, 'invalid_request', `result: give one of ${UNICO_RESULTS.join(', ')}`);
  finishNow(state, process, result as UnicoResult);
  return ok({ process: processView(process, userRedirectUrl(state.url, id)) });
}

export function showControl(state: EmulatorState, id: string): Reply {
  const process = state.product.unico.byId(id);
  return process ? ok({ process: processView(settle(state, process), userRedirectUrl(state.url, id)) }) : oauthError(404, 'not_found', 'no process with this id');
}

export function advanceClock(state: EmulatorState, body: BodyResult): Reply {
  const json = readJsonBody(body);
  const seconds = json.ok && isObject(json.value) ? json.value.advanceSeconds : undefined;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
    return oauthError(400, 'invalid_request', `advanceSeconds: give a number of seconds from 0 to ${MAX_ADVANCE_SECONDS}`);
  }
  state.product.clockOffsetMs += seconds * 1000;
  sweep(state);
  return ok({ now: new Date(productNow(state)).toISOString() });
}
