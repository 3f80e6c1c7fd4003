/**
 * The two secrets the user fills in: `private_key` and `api_key`, or in the Postman app the Vault's
 * `idcloud_private_key` / `idcloud_api_key` when the variable is empty (the key then is never in an environment
 * and never synced). Newman and the Postman CLI have no Vault: there only the variable counts, synchronously.
 * Values are never logged or echoed.
 */
import { SKIP_REASONS } from '../../suites/run-signals';
import { ENV_VARIABLES, VAULT_SECRETS } from '../../suites/variables';
import { parseRsaPrivateKey } from '../crypto/key-parse';
import type { RsaPrivateKey } from '../crypto/rsa-key';
import { Host, textVar } from './pm';

export type SecretSource = 'variable' | 'vault' | 'none';

/**
 * The variable's text, else the Vault secret's, else ''. Calls back at once unless the Vault is read: its
 * `pm.vault.get` is a pending sandbox event until it settles, which holds the request (a bare Promise would not).
 */
export function readSecret(host: Host, variable: string, vaultName: string, done: (value: string, from: SecretSource) => void): void {
  const direct = textVar(host, variable);
  if (direct.trim()) return done(direct, 'variable');
  const vault = host.pm.vault;
  let pending: PromiseLike<unknown>;
  try {
    if (!vault || typeof vault.get !== 'function') return done('', 'none');
    pending = vault.get(vaultName);
  } catch {
    return done('', 'none');
  }
  // Denied (script access off, collection not allowed) reads as absent: the failure says where to put the key.
  pending.then(
    (value) => (typeof value === 'string' && value.trim() ? done(value, 'vault') : done('', 'none')),
    () => done('', 'none'),
  );
}

/** Where the private key goes, named in every failure that lacks it. */
export const MISSING_PRIVATE_KEY = `${ENV_VARIABLES.privateKey} is empty and the Postman Vault has no ${VAULT_SECRETS.privateKey}: paste the service account's PEM private key into the environment's ${ENV_VARIABLES.privateKey}, or in the Postman app into the Vault as ${VAULT_SECRETS.privateKey} (enable the Vault's support in scripts and allow this collection) (Newman: --env-var "private_key=$(cat svc.key.pem)")`;

export const MISSING_API_KEY = SKIP_REASONS['no-api-key'];

export type LoadedKey = { ok: true; key: RsaPrivateKey } | { ok: false; problem: string };

/** Parses private_key; the message never contains the key's text. */
export function parseAccountKey(pem: string): LoadedKey {
  try {
    return { ok: true, key: parseRsaPrivateKey(pem) };
  } catch (error) {
    // The parser's messages say what the text is instead (public key, certificate, encrypted, EC, truncated)
    // and never quote key material.
    return { ok: false, problem: 'private_key: ' + (error as Error).message };
  }
}

/** The account's key, parsed: only when an assertion must be signed (a cached token needs none). */
export function loadAccountKey(host: Host, done: (loaded: LoadedKey) => void): void {
  readSecret(host, ENV_VARIABLES.privateKey, VAULT_SECRETS.privateKey, (pem) => {
    if (!pem.trim()) return done({ ok: false, problem: MISSING_PRIVATE_KEY });
    done(parseAccountKey(pem));
  });
}

/** The by-Client APIKEY (variable or Vault), '' when neither has it. */
export function readApiKey(host: Host, done: (apiKey: string, from: SecretSource) => void): void {
  readSecret(host, ENV_VARIABLES.apiKey, VAULT_SECRETS.apiKey, (value, from) => done(value.trim(), from));
}
