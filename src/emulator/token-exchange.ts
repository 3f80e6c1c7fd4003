/**
 * Verifies one assertion against the registered accounts, in a fixed order (each step's answer is
 * Unico's code from src/idcloud, or an uncoded 401):
 *   decode (1.2.20) → iss present (1.2.20) → tenant known (1.0.1) → account known at that tenant (1.2.5:
 *   no key can validate the JWT) → locked (1.2.18) → key revoked (1.2.6) → header alg (uncoded) →
 *   signature (1.2.21 — the newer table's "signed with the wrong private key"; the older table says 1.2.5,
 *   clients must accept either, see BAD_SIGNATURE_CODES) → account status (1.2.11, 1.0.14, 1.2.14) →
 *   claim types (1.2.20) → claim set (1.2.22, 1.1.1) → aud (uncoded) → lifetime (uncoded) → exp (1.2.4) →
 *   iat skew (uncoded) → replay (1.2.7).
 * The account is identified before the header is judged so that every rejected attempt at a known account
 * counts towards its lockout, as it would at Unico.
 */
import { compactVerify, importJWK, JWK, KeyLike } from 'jose';
import type { UnicoErrorCode } from '../idcloud/errors';
import { AccountRegistry, anyAccountNamed, lookupAccount, RegisteredAccount } from './accounts';
import { decodeCompactJwt } from './decode';
import type { Lockout } from './lockout';
import type { ReplayGuard } from './replay';
import { checkAudience, checkClaimSet, checkClaimTypes, checkHeader, checkTimes, Flaws, reject, Rejection, timeClaim, Verification } from './rules';
import type { AccountStatus } from './types';
import { MAX_ASSERTION_LIFETIME_SECONDS } from '../idcloud/claims';

/** Codes for accounts that are not active. `locked` and `key-revoked` are answered before the signature is checked. */
export const STATUS_CODES: Readonly<Record<Exclude<AccountStatus, 'active'>, UnicoErrorCode>> = {
  disabled: '1.2.11',
  'app-inactive': '1.0.14',
  'no-permission': '1.2.14',
  locked: '1.2.18',
  'key-revoked': '1.2.6',
};

/** The code the emulator answers for a signature that does not verify (one of BAD_SIGNATURE_CODES). */
export const BAD_SIGNATURE_CODE: UnicoErrorCode = '1.2.21';
/** An iss at a known tenant with no registered account: nothing can validate its JWT. */
export const UNKNOWN_ACCOUNT_CODE: UnicoErrorCode = '1.2.5';

export interface AssertionContext {
  registry: AccountRegistry;
  flaws: Flaws;
  audiences: ReadonlySet<string>;
  skewSeconds: number;
  nowMs: number;
  replay: ReplayGuard;
  lockout: Lockout;
}

export type AssertionVerdict =
  | { ok: true; account: RegisteredAccount }
  | { ok: false; rejection: Rejection; account?: RegisteredAccount };

export async function verifyAssertion(assertion: string, ctx: AssertionContext): Promise<AssertionVerdict> {
  const { flaws } = ctx;
  const decoded = decodeCompactJwt(assertion);
  if (!decoded) {
    if (flaws.has('accept-malformed')) return { ok: true, account: anyAccountNamed(ctx.registry, '') };
    return { ok: false, rejection: reject('not-a-jwt', '1.2.20') };
  }
  const { header, payload } = decoded;
  const withoutIss = payload.iss === undefined && flaws.has('accept-missing-iss');
  if (typeof payload.iss !== 'string' && !withoutIss) return { ok: false, rejection: reject('claim-types', '1.2.20') };

  const lookup = withoutIss ? undefined : lookupAccount(ctx.registry, payload.iss as string);
  let account: RegisteredAccount;
  if (!lookup) account = anyAccountNamed(ctx.registry, '');
  else if (lookup.kind === 'found') account = lookup.account;
  else if (lookup.kind === 'unknown-tenant' && flaws.has('accept-wrong-tenant')) account = anyAccountNamed(ctx.registry, payload.iss as string);
  else if (lookup.kind === 'unknown-tenant') return { ok: false, rejection: reject('iss not in the accounts file: no account of its tenant', '1.0.1') };
  else return { ok: false, rejection: reject('iss not in the accounts file: its tenant has no such account', UNKNOWN_ACCOUNT_CODE) };

  const rejection = await judge(assertion, header, payload, account, ctx);
  if (rejection) return { ok: false, rejection, account };
  return { ok: true, account };
}

async function judge(
  assertion: string, header: Record<string, unknown>, payload: Record<string, unknown>, account: RegisteredAccount, ctx: AssertionContext,
): Promise<Rejection | undefined> {
  const { flaws } = ctx;
  if (account.status === 'locked' || ctx.lockout.isLocked(account.iss, ctx.nowMs)) return reject('locked', STATUS_CODES.locked);
  if (account.status === 'key-revoked') return reject('key-revoked', STATUS_CODES['key-revoked']);

  const algorithm = checkHeader(header, flaws);
  if ('reason' in algorithm) return algorithm;
  if (!(await signatureVerifies(assertion, algorithm.verify, account, flaws, header))) return reject('bad-signature', BAD_SIGNATURE_CODE);

  if (account.status !== 'active') return reject(`account-${account.status}`, STATUS_CODES[account.status]);

  const typeRejection = checkClaimTypes(payload, flaws);
  if (typeRejection) return typeRejection;
  const nowSeconds = Math.floor(ctx.nowMs / 1000);
  // iat and exp are absent only under their flaws: the lifetime then counts from now, and exp never comes.
  const iat = timeClaim(payload.iat) ?? nowSeconds;
  const exp = timeClaim(payload.exp);
  const ruleRejection =
    checkClaimSet(payload, flaws) ??
    checkAudience(payload.aud as string, ctx.audiences, flaws) ??
    checkTimes(iat, exp, nowSeconds, ctx.skewSeconds, flaws);
  if (ruleRejection) return ruleRejection;
  // Last, and with no await between check and mark: a valid assertion is spent here.
  if (flaws.has('accept-replay')) return undefined;
  return ctx.replay.useOnce(assertion, exp ?? iat + MAX_ASSERTION_LIFETIME_SECONDS, nowSeconds) ? undefined : reject('replay', '1.2.7');
}

async function signatureVerifies(
  assertion: string, algorithm: Verification, account: RegisteredAccount, flaws: Flaws, header: Record<string, unknown>,
): Promise<boolean> {
  if (algorithm === 'none') return true; // only reachable with the accept-alg-none(-variants) and trust-jku flaws
  if (algorithm === 'embedded-jwk') return verifiesWithJwk(assertion, header.jwk); // trust-embedded-jwk
  if (algorithm === 'RS256' && flaws.has('accept-bad-signature')) return true;
  if (algorithm === 'RS256' && flaws.has('accept-empty-signature') && assertion.endsWith('.')) return true;
  if (algorithm !== 'HS256') return verifies(assertion, account.publicKey, algorithm);
  // accept-hs256: the classic algorithm confusion, the public key's PEM text used as the HMAC secret
  // (with or without its final newline, as people copy it).
  const secrets = [account.spkiPem, account.spkiPem.trimEnd()].map((text) => Buffer.from(text, 'utf8'));
  for (const secret of secrets) if (await verifies(assertion, secret, 'HS256')) return true;
  return false;
}

async function verifiesWithJwk(assertion: string, jwk: unknown): Promise<boolean> {
  try {
    return await verifies(assertion, (await importJWK(jwk as JWK, 'RS256')) as KeyLike, 'RS256');
  } catch {
    return false;
  }
}

async function verifies(assertion: string, key: KeyLike | Uint8Array, algorithm: string): Promise<boolean> {
  try {
    await compactVerify(assertion, key, { algorithms: [algorithm] });
    return true;
  } catch {
    return false;
  }
}
