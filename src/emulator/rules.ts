/**
 * Unico's assertion rules (idcloud-auth.md §2, §4) as pure checks, each returning the rejection it causes.
 * The rules themselves (allowed claims, scope, maximum lifetime) are read from src/idcloud; what this file
 * adds is the emulator's choices where Unico's pages are silent, documented at each check.
 * A flaw switch skips exactly the check named after it.
 */
import { ASSERTION_HEADER, extraClaimNames, MAX_ASSERTION_LIFETIME_SECONDS, REQUIRED_SCOPE } from '../idcloud/claims';
import type { UnicoErrorCode } from '../idcloud/errors';
import type { EmulatorFlaw } from './flaws';

/** A 401 from the token endpoint: `code` when Unico documents one; `reason` is a short tag for the log only. */
export interface Rejection {
  code?: UnicoErrorCode;
  reason: string;
}

export type Flaws = ReadonlySet<EmulatorFlaw>;

export function reject(reason: string, code?: UnicoErrorCode): Rejection {
  return code ? { code, reason } : { reason };
}

/** RSA algorithms of RFC 7518 other than RS256: refused, unless the accept-any-rsa-alg flaw is on. */
const OTHER_RSA_ALGS = ['RS384', 'RS512', 'PS256', 'PS384', 'PS512'] as const;
export type OtherRsaAlg = (typeof OTHER_RSA_ALGS)[number];

/**
 * How the signature is checked: with the account key (RS256, or another RSA algorithm under a flaw), not at
 * all (`none`), HMAC keyed with the public key PEM (`HS256`), or with a key the token brings (`embedded-jwk`).
 */
export type Verification = 'RS256' | OtherRsaAlg | 'none' | 'HS256' | 'embedded-jwk';

/**
 * The header's algorithm: Unico documents "any other algorithm than RS256 → 401" without a code.
 * `typ`, when present, must be JWT (case-insensitive, RFC 7515). Other header parameters (kid, and the keys a
 * token may bring, jwk and jku) are ignored: the signature is checked with the registered key only (RFC 8725
 * §3.10), so an assertion signed by its own embedded key gets the bad-signature answer.
 * Returns which verification to run, or the rejection.
 */
export function checkHeader(header: Record<string, unknown>, flaws: Flaws): { verify: Verification } | Rejection {
  const alg = header.alg;
  if (header.typ !== undefined && (typeof header.typ !== 'string' || header.typ.toUpperCase() !== ASSERTION_HEADER.typ)) {
    return reject('typ-not-jwt');
  }
  if (alg === ASSERTION_HEADER.alg) {
    if (header.jwk !== undefined && flaws.has('trust-embedded-jwk')) return { verify: 'embedded-jwk' };
    if (header.jku !== undefined && flaws.has('trust-jku')) return { verify: 'none' };
    return { verify: 'RS256' };
  }
  if (alg === 'none' && flaws.has('accept-alg-none')) return { verify: 'none' };
  if (typeof alg === 'string' && alg !== 'none' && alg.toLowerCase() === 'none' && flaws.has('accept-alg-none-variants')) return { verify: 'none' };
  if (alg === 'HS256' && flaws.has('accept-hs256')) return { verify: 'HS256' };
  const otherRsa = OTHER_RSA_ALGS.find((name) => name === alg);
  if (otherRsa && flaws.has('accept-any-rsa-alg')) return { verify: otherRsa };
  return reject(`alg-not-rs256`);
}

/**
 * aud, iat and exp present with their types (iat/exp integer seconds); else 1.2.20 "wrong field names or
 * types" (Unico gives no separate code for a missing claim but scope's 1.1.1). iss is checked before this,
 * with the same answer, by verifyAssertion: it names the account to look up.
 */
export function checkClaimTypes(payload: Record<string, unknown>, flaws: Flaws): Rejection | undefined {
  const { aud, iat, exp, scope } = payload;
  if (typeof aud !== 'string') return reject('claim-types', '1.2.20');
  if (!timeClaimReadable(iat, 'accept-missing-iat', flaws) || !timeClaimReadable(exp, 'accept-missing-exp', flaws)) return reject('claim-types', '1.2.20');
  if (scope !== undefined && typeof scope !== 'string') return reject('claim-types', '1.2.20');
  return undefined;
}

function timeClaimReadable(value: unknown, missingFlaw: EmulatorFlaw, flaws: Flaws): boolean {
  if (Number.isInteger(value)) return true;
  if (value === undefined) return flaws.has(missingFlaw);
  return typeof value === 'string' && /^\d+$/.test(value) && flaws.has('accept-string-times');
}

/** A time claim that passed checkClaimTypes as seconds; undefined when it is absent (only under a flaw). */
export function timeClaim(value: unknown): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/**
 * Exactly Unico's claim set: anything else 1.2.22; scope missing (or empty) 1.1.1.
 * A scope other than "*" is not documented: the emulator answers 1.2.14 (the account lacks that permission).
 */
export function checkClaimSet(payload: Record<string, unknown>, flaws: Flaws): Rejection | undefined {
  if (extraClaimNames(payload).length > 0 && !flaws.has('accept-extra-claims')) return reject('extra-claims', '1.2.22');
  if (flaws.has('accept-missing-scope')) return undefined;
  if (payload.scope === undefined || payload.scope === '') return reject('scope-missing', '1.1.1');
  if (payload.scope !== REQUIRED_SCOPE) return reject('scope-not-star', '1.2.14');
  return undefined;
}

/** aud must be exactly one of the emulator's own base URLs (no trailing slash, not https): uncoded 401. */
export function checkAudience(aud: string, audiences: ReadonlySet<string>, flaws: Flaws): Rejection | undefined {
  return audiences.has(aud) || flaws.has('accept-any-aud') ? undefined : reject('wrong-aud');
}

/**
 * The time window, checked in this order so each mutation gets its own answer:
 *  1. exp > iat and exp ≤ iat + 3600, else uncoded 401 (checked first: `exp = iat = now` is a lifetime error, not an expiry);
 *  2. exp after now, else 1.2.4 (no tolerance: Unico documents none);
 *  3. iat at most `skewSeconds` in the future, else uncoded 401 — not 1.2.20, because the claim decodes fine
 *     and is only outside the accepted window, like the lifetime rule.
 */
export function checkTimes(iat: number, exp: number | undefined, nowSeconds: number, skewSeconds: number, flaws: Flaws): Rejection | undefined {
  // exp is absent only under the accept-missing-exp flaw: such an assertion never expires.
  if (exp !== undefined && !flaws.has('accept-long-lifetime') && (exp <= iat || exp > iat + MAX_ASSERTION_LIFETIME_SECONDS)) return reject('lifetime');
  if (exp !== undefined && !flaws.has('accept-expired') && exp <= nowSeconds) return reject('expired', '1.2.4');
  if (!flaws.has('accept-future-iat') && iat > nowSeconds + skewSeconds) return reject('iat-in-future');
  return undefined;
}
