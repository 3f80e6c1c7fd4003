/**
 * The negative-case table: the single source of the `Token errors` folder (one request per case), the code that
 * runs inside Postman (which assertion to send, what answer counts as a pass) and the docs. Names and
 * descriptions, which only the generator and the docs need, are in case-docs.ts, so that the script that runs
 * in every request does not carry them.
 *
 * Each case mutates exactly one thing of an otherwise valid, freshly signed assertion (or of the exchange
 * request). This module is pure data and pure functions: it is bundled into the sandbox scripts, so it must not
 * import anything that needs Node.
 */
import { BAD_SIGNATURE_CODES, UnicoErrorCode } from '../idcloud/errors';

/** The claims of a valid assertion, as the collection signs them (idcloud-auth.md §2). */
export interface AssertionClaims {
  iss: string;
  aud: string;
  scope: string;
  iat: number;
  exp: number;
  [claim: string]: unknown;
}

export type JwsHeader = Record<string, unknown>;

/**
 * What a case may do to build its assertion. The sandbox provides the real signer behind it
 * (src/sandbox/script/mutations.ts); Node tests can provide node:crypto.
 */
export interface MutationTools {
  /** RS256 with the service account's key. */
  signWithAccountKey(header: JwsHeader, claims: object): string;
  /** RS256 with a key that is not the account's (a throwaway key: the runner's, else one generated). */
  signWithOtherKey(header: JwsHeader, claims: object): string;
  /** The public JWK ({kty, n, e}) of that other key, for the embedded-`jwk` case. */
  otherPublicJwk(): Record<string, string>;
  /** Another RSA algorithm (only RS256 is allowed), correctly signed with the account's key. */
  signWithAccountKeyAs(alg: 'RS512' | 'PS256', header: JwsHeader, claims: object): string;
  /** HS256 keyed with the account's public key PEM (the algorithm-confusion attack). */
  signHs256WithPublicKey(header: JwsHeader, claims: object): string;
  /** `header.payload.` with an empty signature. */
  unsigned(header: JwsHeader, claims: object): string;
  /** The identity URL of another environment, for the wrong-`aud` case. */
  otherAud: string;
}

/** How the visible request carries the assertion; every shape but `form` breaks one rule of the request. */
export type ExchangeBody = 'form' | 'form-wrong-grant-type' | 'form-without-assertion' | 'json';

export interface ExpectedRejection {
  /**
   * Statuses that count as a correct rejection. `4xx`: the request itself is malformed, for which Unico documents
   * no answer — any client error but 429 counts, with an OAuth error body (`error`; `error_description` optional,
   * RFC 6749 §5.2) rather than Unico's.
   */
  statuses: readonly number[] | '4xx';
  /** Unico codes that count; absent when Unico documents no code for this failure. */
  codes?: readonly UnicoErrorCode[];
  /** A 401 without any code also counts (Unico's pages give the code for some servers' answers only). */
  codeOptional?: boolean;
}

export interface NegativeCase {
  /** Stable id: the request's `X-IdCloud-Case` header, dispatch key inside the sandbox. */
  id: string;
  /** What the server was given, completing "the server accepted …" in failure messages. */
  subject: string;
  body: ExchangeBody;
  /** Exchange the assertion once (successfully) before sending it again. */
  replay?: boolean;
  expect: ExpectedRejection;
  /** The assertion to send, built from a valid assertion's parts. */
  build(header: JwsHeader, claims: AssertionClaims, tools: MutationTools): string;
}

export const OTHER_TENANT = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
export const EXTRA_CLAIM = { jti: 'idcloud-postman-extra-claim' } as const;
export const WRONG_GRANT_TYPE = 'client_credentials';
export const MALFORMED_ASSERTION = 'this-is-not-a-jwt';
/** The sub of the impersonation case: a user no service account may act as. */
export const IMPERSONATED_SUB = 'impersonated-user@idcloud-postman.invalid';
/** `.invalid` is reserved (RFC 2606, RFC 6761): this URL can never resolve, so no key can be fetched from it. */
export const UNRESOLVABLE_JKU = 'https://keys.idcloud-postman.invalid/jwks.json';
/** Well inside any clock-skew tolerance for iat, long enough for the request to arrive before exp. */
export const EQUAL_EXP_LEAD_SECONDS = 10;

const REJECTED_401: ExpectedRejection = { statuses: [401] };
const REQUEST_SHAPE_REJECTED: ExpectedRejection = { statuses: '4xx' };

/** The valid assertion itself, properly signed: for the cases that change the request around it (or send it twice). */
const signedAsIs: NegativeCase['build'] = (header, claims, tools) => tools.signWithAccountKey(header, claims);

/** A case that changes claims only, then signs them properly. */
function claimsCase(
  base: Omit<NegativeCase, 'build' | 'body'>,
  mutate: (claims: AssertionClaims, tools: MutationTools) => object,
): NegativeCase {
  return {
    ...base,
    body: 'form',
    build: (header, claims, tools) => tools.signWithAccountKey(header, mutate({ ...claims }, tools)),
  };
}

/** Swaps the tenant part of `account@tenant.iam.acesso.io`, whatever the account. */
export function withOtherTenant(iss: string): string {
  const at = iss.indexOf('@');
  const dot = iss.indexOf('.', at + 1);
  if (at === -1 || dot === -1) return `${iss}x`;
  const tenant = iss.slice(at + 1, dot);
  const other = tenant === OTHER_TENANT ? OTHER_TENANT.replace(/f/g, 'e') : OTHER_TENANT;
  return iss.slice(0, at + 1) + other + iss.slice(dot);
}

/** Changes one character in the middle of the signature (never the last one, whose low bits may be padding). */
export function tamperSignature(jws: string): string {
  const sigStart = jws.lastIndexOf('.') + 1;
  const at = sigStart + Math.floor((jws.length - sigStart) / 2);
  const replacement = jws[at] === 'A' ? 'B' : 'A';
  return jws.slice(0, at) + replacement + jws.slice(at + 1);
}

/** 1.2.20 "could not be decoded (malformed, wrong field names or types)"; the older table's 1.2.21 means the same. */
const MALFORMED_CODES: readonly UnicoErrorCode[] = ['1.2.20', '1.2.21'];
/** A missing or ill-typed claim: 401, with 1.2.20 (or the older 1.2.21) when the server names a code at all. */
const CLAIM_TYPE_REJECTED: ExpectedRejection = { statuses: [401], codes: MALFORMED_CODES, codeOptional: true };
/** A key the server must not trust (one the token brings or points to): the signature does not verify. */
const UNTRUSTED_KEY_REJECTED: ExpectedRejection = { statuses: [401], codes: BAD_SIGNATURE_CODES };

/** `header.payload.` under header alg `alg`: no signature at all. */
function unsignedCase(id: string, alg: string, subject = `an unsigned assertion (alg "${alg}")`): NegativeCase {
  return { id, subject, body: 'form', expect: REJECTED_401, build: (header, claims, tools) => tools.unsigned({ ...header, alg }, claims) };
}

function withoutClaim(claims: AssertionClaims, name: 'iss' | 'iat' | 'exp'): object {
  const copy: Record<string, unknown> = { ...claims };
  delete copy[name];
  return copy;
}

let negativeCaseTable: readonly NegativeCase[] | undefined;

/** Built when first asked for: the pre-request script loads this module for every request and needs it for few. */
function negativeCases(): readonly NegativeCase[] {
  return (negativeCaseTable ??= buildNegativeCases());
}

/**
 * Ordered so that Unico's documented rules come first (coded, then documented without a code), then the
 * well-known JWT attacks and ill-formed claims, then the request's shape: a small max_invalid_attempts (the
 * default, 20) still covers every documented rule. Each case breaks one rule of a valid assertion.
 */
export const NEGATIVE_CASES: readonly NegativeCase[] = /* @__PURE__ */ negativeCases();

function buildNegativeCases(): readonly NegativeCase[] {
  return [
    // Documented, with a code (idcloud-auth.md §4).
    claimsCase(
      { id: 'exp-expired', subject: 'an expired assertion', expect: { statuses: [401], codes: ['1.2.4'] } },
      (c) => ({ ...c, iat: c.iat - 1200, exp: c.iat - 600 }),
    ),
    claimsCase(
      { id: 'iss-wrong-tenant', subject: 'an assertion from an unknown tenant', expect: { statuses: [401], codes: ['1.0.1'] } },
      (c) => ({ ...c, iss: withOtherTenant(c.iss) }),
    ),
    claimsCase(
      { id: 'scope-missing', subject: 'an assertion without scope', expect: { statuses: [401], codes: ['1.1.1'] } },
      (c) => {
        const { scope: _dropped, ...rest } = c;
        return rest;
      },
    ),
    claimsCase(
      { id: 'extra-claim', subject: 'an assertion with a claim other than iss, aud, scope, iat, exp', expect: { statuses: [401], codes: ['1.2.22'] } },
      (c) => ({ ...c, ...EXTRA_CLAIM }),
    ),
    claimsCase(
      { id: 'sub-claim', subject: 'an assertion with a sub claim (impersonation)', expect: { statuses: [401], codes: ['1.2.19', '1.2.22'] } },
      (c) => ({ ...c, sub: IMPERSONATED_SUB }),
    ),
    {
      id: 'signature-tampered', subject: 'an assertion whose signature does not verify', body: 'form',
      expect: { statuses: [401], codes: BAD_SIGNATURE_CODES },
      build: (header, claims, tools) => tamperSignature(tools.signWithAccountKey(header, claims)),
    },
    {
      id: 'signature-other-key', subject: "an assertion signed by a key that is not the account's", body: 'form',
      expect: { statuses: [401], codes: BAD_SIGNATURE_CODES },
      build: (header, claims, tools) => tools.signWithOtherKey(header, claims),
    },
    {
      id: 'malformed', subject: 'a malformed assertion', body: 'form',
      expect: { statuses: [401], codes: MALFORMED_CODES },
      build: () => MALFORMED_ASSERTION,
    },
    {
      id: 'replay', subject: 'a replayed assertion', body: 'form', replay: true,
      expect: { statuses: [401], codes: ['1.2.7'] },
      build: signedAsIs,
    },
    // Documented, without a code: the lifetime, aud and "any other algorithm than RS256" (§2, §4).
    claimsCase(
      { id: 'lifetime-over-hour', subject: 'an assertion living longer than one hour (exp > iat + 3600)', expect: REJECTED_401 },
      (c) => ({ ...c, exp: c.iat + 4200 }),
    ),
    claimsCase(
      { id: 'exp-equals-iat', subject: 'an assertion whose exp equals its iat', expect: REJECTED_401 },
      (c) => ({ ...c, iat: c.iat + EQUAL_EXP_LEAD_SECONDS, exp: c.iat + EQUAL_EXP_LEAD_SECONDS }),
    ),
    claimsCase(
      { id: 'aud-other-environment', subject: "an assertion whose aud names another environment", expect: REJECTED_401 },
      (c, tools) => ({ ...c, aud: tools.otherAud }),
    ),
    claimsCase(
      { id: 'aud-trailing-slash', subject: 'an assertion whose aud has a trailing slash', expect: REJECTED_401 },
      (c) => ({ ...c, aud: `${c.aud}/` }),
    ),
    {
      id: 'alg-rs512', subject: 'an RS512 assertion signed by the account key (only RS256 is allowed)', body: 'form',
      expect: REJECTED_401,
      build: (header, claims, tools) => tools.signWithAccountKeyAs('RS512', { ...header, alg: 'RS512' }, claims),
    },
    {
      id: 'alg-ps256', subject: 'a PS256 assertion signed by the account key (only RS256 is allowed)', body: 'form',
      expect: REJECTED_401,
      build: (header, claims, tools) => tools.signWithAccountKeyAs('PS256', { ...header, alg: 'PS256' }, claims),
    },
    {
      id: 'alg-hs256-public-key', subject: 'an HS256 assertion keyed with the public key (algorithm confusion)', body: 'form',
      expect: REJECTED_401,
      build: (header, claims, tools) => tools.signHs256WithPublicKey({ ...header, alg: 'HS256' }, claims),
    },
    unsignedCase('alg-none', 'none', 'an unsigned assertion (alg none)'),
    claimsCase(
      { id: 'iat-future', subject: 'an assertion issued in the future (iat later than now)', expect: REJECTED_401 },
      (c) => ({ ...c, iat: c.iat + 600, exp: c.iat + 600 + 3600 }),
    ),
    // Missing and ill-typed claims (1.2.20 "wrong field names or types", or no code).
    claimsCase({ id: 'exp-missing', subject: 'an assertion without exp', expect: CLAIM_TYPE_REJECTED }, (c) => withoutClaim(c, 'exp')),
    claimsCase({ id: 'iat-missing', subject: 'an assertion without iat', expect: CLAIM_TYPE_REJECTED }, (c) => withoutClaim(c, 'iat')),
    claimsCase({ id: 'iss-missing', subject: 'an assertion without iss', expect: CLAIM_TYPE_REJECTED }, (c) => withoutClaim(c, 'iss')),
    claimsCase(
      { id: 'exp-numeric-string', subject: 'an assertion whose exp is a numeric string', expect: CLAIM_TYPE_REJECTED },
      (c) => ({ ...c, exp: String(c.exp) }),
    ),
    // Well-known JWT attacks (RFC 8725): algorithm spellings, keys the token brings, no signature at all.
    unsignedCase('alg-none-capitalised', 'None'),
    unsignedCase('alg-none-upper', 'NONE'),
    {
      id: 'signature-empty', subject: 'an RS256 assertion with an empty signature', body: 'form',
      expect: { statuses: [401], codes: [...BAD_SIGNATURE_CODES, '1.2.20'] },
      build: (header, claims, tools) => tools.unsigned(header, claims),
    },
    {
      id: 'jwk-embedded', subject: 'an assertion carrying its own key in a jwk header (signed by that key)', body: 'form',
      expect: UNTRUSTED_KEY_REJECTED,
      build: (header, claims, tools) => tools.signWithOtherKey({ ...header, jwk: tools.otherPublicJwk() }, claims),
    },
    {
      id: 'jku-unresolvable', subject: `an assertion whose jku header names a key URL that never resolves (signed by another key)`, body: 'form',
      expect: UNTRUSTED_KEY_REJECTED,
      build: (header, claims, tools) => tools.signWithOtherKey({ ...header, jku: UNRESOLVABLE_JKU }, claims),
    },
    // The request's shape (Unico documents no answer: any 4xx but 429).
    {
      id: 'grant-type-wrong', subject: 'a request with the wrong grant_type', body: 'form-wrong-grant-type',
      expect: REQUEST_SHAPE_REJECTED,
      build: signedAsIs,
    },
    {
      id: 'assertion-missing', subject: 'a request without assertion', body: 'form-without-assertion',
      expect: REQUEST_SHAPE_REJECTED,
      build: signedAsIs,
    },
    {
      id: 'json-body', subject: 'a JSON body instead of a form', body: 'json',
      expect: REQUEST_SHAPE_REJECTED,
      build: signedAsIs,
    },
  ];
}

export function findNegativeCase(id: string): NegativeCase | undefined {
  return negativeCases().find((c) => c.id === id);
}
