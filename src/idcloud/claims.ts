/**
 * Unico's rules for the JWT assertion (idcloud-auth.md §2), as data shared by the credential checks,
 * the sandbox signer and the emulator.
 */
export const ASSERTION_HEADER = /* @__PURE__ */ Object.freeze({ alg: 'RS256', typ: 'JWT' });

/** The only claims Unico accepts; anything else is error 1.2.22. */
export const ALLOWED_CLAIMS = /* @__PURE__ */ Object.freeze(['iss', 'aud', 'scope', 'iat', 'exp'] as const);

/** The claims of `claims` outside ALLOWED_CLAIMS (Unico: 1.2.22): the one check of the claim set, for the payload file and the emulator. */
export function extraClaimNames(claims: Record<string, unknown>): string[] {
  const allowed: readonly string[] = ALLOWED_CLAIMS;
  return Object.keys(claims).filter((name) => !allowed.includes(name));
}

/** Claims users most often add by habit from other JWT libraries. */
export const FORBIDDEN_CLAIM_EXAMPLES = /* @__PURE__ */ Object.freeze(['sub', 'jti', 'nbf']);

export const REQUIRED_SCOPE = '*';

/** exp may be at most iat + this many seconds; Unico's FAQ and examples use exactly this. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 3600;

/** RS256 keys shorter than this are refused (Unico issues 2048-bit keys). */
export const MIN_RSA_BITS = 2048;

/**
 * Why our signers vary `exp`: RS256 (PKCS#1 v1.5) is deterministic and Unico forbids `jti`, so two assertions
 * with the same iss, aud, iat and exp are byte-identical, and Unico refuses the second as a replay (1.2.7).
 * Runs that cannot see each other (a CI matrix, back-to-back runs, two environments of one account run in
 * parallel, several processes) sign in the same second all the time. `iat` cannot move: it must be now (a
 * future iat is refused, a back-dated one only shortens the assertion's life). So `exp` carries the entropy:
 * exp = iat + 3600 − offset, offset drawn at random in [0, EXP_JITTER_SECONDS) for every assertion, and a run
 * (or process) never reuses an (iat, exp) pair it already used. Two independent runs then collide only if they
 * draw the same offset in the same second: about 1 in 900 per pair of valid assertions.
 * Runs one process starts side by side (the runner's environments, a test's concurrent runs) cannot collide
 * at all: each gets its own lane (EXP_LANES), and a lane only draws offsets ≡ lane (mod EXP_LANES).
 */
export const EXP_JITTER_SECONDS = 900;

/**
 * Lanes of the exp offset: offsets in [0, EXP_JITTER_SECONDS) with offset % EXP_LANES === lane. Two runs in
 * different lanes never sign the same exp, whatever they draw; each lane still has 90 offsets per second.
 */
export const EXP_LANES = 10;

/**
 * The lane of the Node-side signer (`token`, `doctor --online`, the runner's own exchanges: src/exchange): never
 * given to a run, so an assertion this process signs in Node never equals one a run beside it signs in Newman.
 */
export const NODE_SIGNER_LANE = 0;

export interface AssertionTimes {
  iat: number;
  exp: number;
}

/** `iat:exp`, how used pairs are remembered. */
export function timesKey(times: AssertionTimes): string {
  return `${times.iat}:${times.exp}`;
}

/** The lane a run was given (a whole number in [0, EXP_LANES)), or undefined for any other value (no lane). */
export function expLane(value: unknown): number | undefined {
  const lane = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isInteger(lane) && lane >= 0 && lane < EXP_LANES ? lane : undefined;
}

/**
 * iat = now (whole seconds, never back-dated), exp = iat + 3600 − offset. `randomOffset` is an integer in
 * [0, EXP_JITTER_SECONDS); when that pair was already used, the next offsets are tried in turn. With a `lane`
 * (expLane) only the offsets of that lane are used: the random one moved into the lane, then the lane's next.
 */
export function assertionTimes(nowMs: number, randomOffset: number, isUsed: (times: AssertionTimes) => boolean = () => false, lane?: number): AssertionTimes {
  const iat = Math.floor(nowMs / 1000);
  const stride = lane === undefined ? 1 : EXP_LANES;
  const start = lane === undefined ? Math.floor(randomOffset) : Math.floor(randomOffset) - (Math.floor(randomOffset) % EXP_LANES) + lane;
  for (let step = 0; step < EXP_JITTER_SECONDS / stride; step++) {
    const offset = (start + step * stride) % EXP_JITTER_SECONDS;
    const times = { iat, exp: iat + MAX_ASSERTION_LIFETIME_SECONDS - offset };
    if (!isUsed(times)) return times;
  }
  throw new Error(`more than ${EXP_JITTER_SECONDS / stride} assertions signed in one second: no unused exp is left`);
}

/** `<account>@<tenant_id>.iam.acesso.io`; account names are at most 12 characters. */
export const ISS_PATTERN = /^([A-Za-z0-9._-]{1,12})@([A-Za-z0-9-]+)\.iam\.acesso\.io$/;

export const ISS_EXAMPLE = 'svcaccount@00000000-0000-0000-0000-000000000000.iam.acesso.io';

export function parseIss(iss: string): { account: string; tenant: string } | undefined {
  const match = ISS_PATTERN.exec(iss);
  return match ? { account: match[1], tenant: match[2] } : undefined;
}
