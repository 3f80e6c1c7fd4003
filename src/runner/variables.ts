/**
 * The only collection names the runner knows: the variables it injects at run time (shared with the
 * generator through src/suites/variables). Folder names are suites/folders.ts `FOLDERS`.
 */
import { ENV_VARIABLES, INJECTED_VARIABLES } from '../suites/variables';

export const INJECTED = Object.freeze({
  privateKey: ENV_VARIABLES.privateKey,
  apiKey: ENV_VARIABLES.apiKey,
  maxInvalidAttempts: ENV_VARIABLES.maxInvalidAttempts,
  /** A throwaway key for the "signed by another key" case (other-key.ts), instead of keygen in the sandbox. */
  otherPrivateKey: INJECTED_VARIABLES.otherPrivateKey,
  /** The run's exp lane (exp-lanes.ts): no two runs of this process side by side sign the same assertion. */
  expLane: INJECTED_VARIABLES.expLane,
});
