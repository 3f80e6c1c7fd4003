/**
 * Signing a valid assertion in the sandbox: the settings and the parsed key (read only when something must be
 * signed), and the fresh assertion itself. Shared by the collection-level script (the valid exchange, the auth
 * layer) and the `Token errors` cases (token-errors.ts: the negative cases start from the same valid assertion).
 */
import { signJwtRs256 } from '../crypto/jws';
import type { RsaPrivateKey } from '../crypto/rsa-key';
import { AssertionParts, validAssertionParts } from './mutations';
import { fail, Host } from './pm';
import { loadAccountKey } from './secrets';
import { readSettings, Settings, SettingsResult } from './settings';
import { uniqueAssertionTimes } from './times';

export interface Signing {
  settings: Settings;
  key: RsaPrivateKey;
}

/**
 * Settings and parsed key (from private_key or the Vault), or a failing test named `testName` saying what to fill.
 * `read`: the settings when the caller has read them already.
 */
export function withSigning(host: Host, testName: string, then: (s: Signing | undefined) => void, read: SettingsResult = readSettings(host)): void {
  if (!read.ok) {
    fail(host, testName, read.problem);
    return then(undefined);
  }
  loadAccountKey(host, (loaded) => {
    if (!loaded.ok) {
      fail(host, testName, loaded.problem);
      return then(undefined);
    }
    then({ settings: read.settings, key: loaded.key });
  });
}

/** The valid assertion's parts: iat now, and an (iat, exp) pair no other assertion of this run had. */
export function freshParts(host: Host, s: Settings): AssertionParts {
  return validAssertionParts(s.iss, s.aud, uniqueAssertionTimes(host));
}

export function freshAssertion(host: Host, s: Settings, key: RsaPrivateKey): string {
  const { header, claims } = freshParts(host, s);
  return signJwtRs256(key, claims, header);
}
