/**
 * The Host of a real sandbox run: the `pm` and `postman` globals, the wall clock, timers and console.
 * Only the entry scripts call this; everything else receives the Host as a parameter.
 */
import { signalMessages } from '../../suites/run-signals';
import type { Host, LegacyPostman, Pm } from './pm';

declare const pm: Pm;
declare const postman: LegacyPostman | undefined;

export function sandboxHost(): Host {
  return {
    pm,
    // `typeof` keeps this safe where the legacy global is absent.
    postman: typeof postman === 'undefined' ? undefined : postman,
    now: () => Date.now(),
    setTimeout: (fn, ms) => {
      setTimeout(fn, ms);
    },
    log: (message) => console.log(message),
    // Its line and its data in one console message; a runner knows it by this script's id (suites/run-signals.ts).
    signal: (signal, line) => console.log(...signalMessages(signal, line)),
  };
}
