/**
 * How the emulator is recognised: by its own signal, never by an address (cli-contract.md "Suites and safety").
 * A server on 127.0.0.1 may be a gateway, an SSH tunnel or a port-forward to Unico, or someone's mock, so
 * "loopback" alone proves nothing. Every answer of the emulator (src/emulator/server.ts), whatever its status,
 * carries `X-IdCloud-Emulator: idcloud-postman`; Unico never sends that header. A server counts as the emulator
 * only when its answer carries the header AND the URL it answered on is on loopback (the emulator never serves
 * anything else): everything else, loopback included, is treated as Unico.
 *
 * Runtime-neutral: the emulator sends it, the collection scripts (sandbox/script/emulator.ts) and `run`'s
 * preflight (runner/reachability.ts) read it, each at run time.
 */
import { isLoopbackUrl } from './origin';

export const EMULATOR_HEADER = 'X-IdCloud-Emulator';
export const EMULATOR_HEADER_VALUE = 'idcloud-postman';

/** True when this `X-IdCloud-Emulator` value is the emulator's signal (where it came from is the caller's check). */
export function isEmulatorSignal(headerValue: unknown): boolean {
  return typeof headerValue === 'string' && headerValue.trim() === EMULATOR_HEADER_VALUE;
}

/** True when an answer on `url` with this `X-IdCloud-Emulator` value comes from the emulator. */
export function isEmulatorAnswer(url: string, headerValue: unknown): boolean {
  return isEmulatorSignal(headerValue) && isLoopbackUrl(url);
}
