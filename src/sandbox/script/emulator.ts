/**
 * Whether this run talks to the emulator, decided at run time from its signal (idcloud/emulator-signal.ts),
 * never from an address nor from the environment file: a token-endpoint answer that carries the signal, on a
 * loopback identity_url, marks the run as the emulator's; one without it unmarks it. Until then, and for every
 * other server (loopback included), the run is treated as one against Unico: nothing is created, the errors
 * suite stops at the lockout bound, and a 400/404 is proof enough that a token was accepted.
 */
import { EMULATOR_HEADER, isEmulatorAnswer } from '../../idcloud/emulator-signal';
import { isLoopbackUrl, originKey } from '../../idcloud/origin';
import { ENV_VARIABLES, RUN_VARIABLES } from '../../suites/variables';
import { Host, PmResponse, setVariable, textVar } from './pm';

function identityOrigin(host: Host): string {
  return originKey(textVar(host, ENV_VARIABLES.identityUrl).trim());
}

/** Learns from an answer of the token endpoint (identity_url's origin) whether the emulator gave it. */
export function learnEmulator(host: Host, response: PmResponse): void {
  const origin = identityOrigin(host);
  setVariable(host, RUN_VARIABLES.emulator, origin && isEmulatorAnswer(origin, response.headers.get(EMULATOR_HEADER)) ? origin : '');
}

/**
 * True when the emulator's signal was seen in this run for the current identity_url (loopback), and `url`
 * (the request about to be sent, when given) is on loopback too.
 */
export function isEmulatorRun(host: Host, url?: string): boolean {
  const origin = identityOrigin(host);
  return !!origin && isLoopbackUrl(origin) && textVar(host, RUN_VARIABLES.emulator) === origin && (url === undefined || isLoopbackUrl(url));
}
