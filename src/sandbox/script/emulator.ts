/**
 * Whether this run talks to the emulator, decided at run time from its signal (idcloud/emulator-signal.ts),
 * never from an address nor from the environment file: a token-endpoint answer that carries the signal, on a
 * loopback identity_url, marks the run as the emulator's; one without it unmarks it. Until then, and for every
 * other server (loopback included), the run is treated as one against Unico: nothing is created, the errors
 * suite stops at the lockout bound, and a 400/404 is proof enough that a token was accepted.
 */
import { EMULATOR_HEADER, isEmulatorSignal } from '../../idcloud/emulator-signal';
import { isLoopbackUrl, originKey } from '../../idcloud/origin';
import { ENV_VARIABLES, RUN_VARIABLES } from '../../suites/variables';
import { Host, PmResponse, setVariable, textVar } from './pm';

function identityOrigin(host: Host): string {
  return originKey(textVar(host, ENV_VARIABLES.identityUrl).trim());
}

/** identity_url's origin when it is on loopback (where the emulator can answer), else ''. */
export function loopbackIdentityOrigin(host: Host): string {
  const origin = identityOrigin(host);
  return origin && isLoopbackUrl(origin) ? origin : '';
}

/**
 * Learns from an answer of the token endpoint whether the emulator gave it. `origin`: loopbackIdentityOrigin,
 * which the pre-request script hands to the test script with the expectation (run-state.ts), so that the test
 * script carries no URL parsing.
 */
export function noteEmulatorSignal(host: Host, origin: string, response: PmResponse): void {
  setVariable(host, RUN_VARIABLES.emulator, origin && isEmulatorSignal(response.headers.get(EMULATOR_HEADER)) ? origin : '');
}

/** Learns from an answer of the token endpoint (identity_url's origin) whether the emulator gave it. */
export function learnEmulator(host: Host, response: PmResponse): void {
  noteEmulatorSignal(host, loopbackIdentityOrigin(host), response);
}

/**
 * True when the emulator's signal was seen in this run for the current identity_url (loopback), and `url`
 * (the request about to be sent, when given) is on loopback too.
 */
export function isEmulatorRun(host: Host, url?: string): boolean {
  const origin = identityOrigin(host);
  return !!origin && isLoopbackUrl(origin) && textVar(host, RUN_VARIABLES.emulator) === origin && (url === undefined || isLoopbackUrl(url));
}
