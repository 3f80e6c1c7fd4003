/**
 * Unico's documented token-endpoint error codes (idcloud-auth.md §4): one table, read by the emulator
 * (what to answer), the negative suite (what to expect) and doctor/run (how to explain a failure).
 */
export type UnicoErrorCode =
  | '1.0.1' | '1.0.14' | '1.1.1'
  | '1.2.4' | '1.2.5' | '1.2.6' | '1.2.7' | '1.2.11' | '1.2.14' | '1.2.18' | '1.2.19'
  | '1.2.20' | '1.2.21' | '1.2.22' | '1.3.1' | '1.3.2';

export interface UnicoErrorInfo {
  cause: string;
  /** What the user should check or do — the credential at fault, when there is one. */
  remedy: string;
}

export const UNICO_ERRORS: Readonly<Record<UnicoErrorCode, UnicoErrorInfo>> = {
  '1.0.1': { cause: 'the tenant ID in iss is wrong', remedy: 'check the tenant part of iss in the payload file' },
  '1.0.14': { cause: 'the application is not active', remedy: 'ask Unico to activate the application' },
  '1.1.1': { cause: 'scope is missing from the payload', remedy: 'add "scope":"*" to the payload' },
  '1.2.4': { cause: 'the JWT has expired (exp in the past)', remedy: 'check the machine clock; sign a fresh assertion' },
  '1.2.5': { cause: 'the JWT cannot be validated / was not signed correctly', remedy: 'check that the private key belongs to this service account' },
  '1.2.6': { cause: 'the signing key is no longer accepted (revoked)', remedy: 'request new credentials from Unico' },
  '1.2.7': { cause: 'the JWT was already used (replay)', remedy: 'sign a fresh assertion for every exchange' },
  '1.2.11': { cause: 'the account is not active', remedy: 'ask Unico to activate the service account' },
  '1.2.14': { cause: 'the account lacks the needed permissions', remedy: 'ask Unico to grant the account its permissions' },
  '1.2.18': { cause: 'the account is temporarily locked after too many invalid attempts', remedy: 'stop sending invalid attempts and wait for the lock to expire' },
  '1.2.19': { cause: 'the account may not impersonate', remedy: 'remove sub from the payload' },
  '1.2.20': { cause: 'the JWT could not be decoded (malformed, wrong field names or types)', remedy: 'check the payload field names and types' },
  '1.2.21': { cause: 'the JWT was signed with a private key this account does not have, or could not be decoded', remedy: 'check that the private key belongs to this service account and environment' },
  '1.2.22': { cause: 'the payload has claims that are not allowed', remedy: 'keep only iss, aud, scope, iat and exp in the payload' },
  '1.3.1': { cause: 'the account has source-IP restrictions', remedy: 'call from an allowed IP address' },
  '1.3.2': { cause: 'the account has date/time restrictions', remedy: 'call within the allowed time window' },
};

/**
 * Unico documents some 401s without a code (idcloud-auth.md §4): what to check when the answer names none.
 * The first is "one of the most common causes of 401".
 */
export const UNCODED_401_REMEDY =
  'most often the key and iss belong to the other environment (UAT vs production); also aud not matching the environment, or an algorithm other than RS256';

/** A bad signature is 1.2.5 in Unico's older table and 1.2.21 in the newer one: accept either. */
export const BAD_SIGNATURE_CODES: readonly UnicoErrorCode[] = ['1.2.5', '1.2.21'];

/** Body texts of the token endpoint's errors, per language (older pages: Portuguese; newer: English). */
export const ERROR_DESCRIPTION = {
  pt: (code?: string) => (code ? `Falha na autenticação ${code}` : 'Falha na autenticação'),
  en: (code?: string) => (code ? `Authentication failed (${code})` : 'Authentication failed'),
} as const;

export type ErrorLanguage = keyof typeof ERROR_DESCRIPTION;

export function isUnicoErrorCode(code: string): code is UnicoErrorCode {
  return Object.prototype.hasOwnProperty.call(UNICO_ERRORS, code);
}
