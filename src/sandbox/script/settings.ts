/**
 * What the user filled in, read from the active variables and checked, with one-line messages that say which
 * variable to fill. The secrets are read by secrets.ts.
 */
import { BUILT_IN_ENVIRONMENTS, TOKEN_PATH } from '../../idcloud/hosts';
import { DEFAULT_MAX_INVALID_ATTEMPTS, ENV_VARIABLES } from '../../suites/variables';
import { isEmulatorRun } from './emulator';
import { Host, textVar } from './pm';

export interface Settings {
  /**
   * The `audience` variable when set, else the identity base URL; without trailing slashes either way (this is
   * what fixes Unico's trailing-slash bug).
   */
  aud: string;
  tokenUrl: string;
  iss: string;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problem: string };

export function stripTrailingSlashes(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** The non-secret settings; the key is read (secrets.ts) only when an assertion must be signed. */
export function readSettings(host: Host): SettingsResult {
  const identityUrl = stripTrailingSlashes(textVar(host, ENV_VARIABLES.identityUrl));
  if (!identityUrl) return { ok: false, problem: `${ENV_VARIABLES.identityUrl} is empty: select an idcloud-<env> environment or set ${ENV_VARIABLES.identityUrl}` };
  const iss = textVar(host, ENV_VARIABLES.iss).trim();
  if (!iss) return { ok: false, problem: `${ENV_VARIABLES.iss} is empty: set it to the iss of your service account's payload` };
  return { ok: true, settings: { aud: stripTrailingSlashes(textVar(host, ENV_VARIABLES.audience)) || identityUrl, tokenUrl: identityUrl + TOKEN_PATH, iss } };
}

/**
 * How many invalid attempts the `Token errors` folder may send in this run: `max_invalid_attempts` when set;
 * when empty (as generated: the file cannot know what will answer), every case against the emulator, recognised
 * by its signal in this run (emulator.ts), and DEFAULT_MAX_INVALID_ATTEMPTS against anything else.
 */
export function invalidAttemptBound(host: Host): number {
  const text = textVar(host, ENV_VARIABLES.maxInvalidAttempts).trim();
  if (!text) return isEmulatorRun(host) ? Infinity : DEFAULT_MAX_INVALID_ATTEMPTS;
  const max = Number(text);
  return Number.isFinite(max) && max >= 0 ? Math.floor(max) : DEFAULT_MAX_INVALID_ATTEMPTS;
}

/** The identity URL of another environment, for the wrong-`aud` case: production's, or UAT's on production. */
export function otherEnvironmentAud(aud: string): string {
  const { uat, production } = BUILT_IN_ENVIRONMENTS;
  return aud === production.identityUrl ? uat.identityUrl : production.identityUrl;
}
