/**
 * The negative-case table: the single source of the `Token errors` folder (one request per case), the code that
 * runs inside Postman (which assertion to send, what answer counts as a pass) and the docs.
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
 * (src/sandbox/mutations.ts); Node tests can provide node:crypto.
 */
export interface MutationTools {
  /** RS256 with the service account's key. */
  signWithAccountKey(header: JwsHeader, claims: object): string;
  /** RS256 with a key that is not the account's. */
  signWithOtherKey(header: JwsHeader, claims: object): string;
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
  /** Statuses that count as a correct rejection. */
  statuses: readonly number[];
  /** Unico codes that count; absent when Unico documents no code for this failure. */
  codes?: readonly UnicoErrorCode[];
}

export interface NegativeCase {
  /** Stable id: the request's `X-IdCloud-Case` header, dispatch key inside the sandbox. */
  id: string;
  /** Request name in the `Token errors` folder. */
  name: string;
  /** The one thing this case changes, for docs and the request description. */
  mutates: string;
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
/** Well inside any clock-skew tolerance for iat, long enough for the request to arrive before exp. */
export const EQUAL_EXP_LEAD_SECONDS = 10;

const REJECTED_401: ExpectedRejection = { statuses: [401] };
const REQUEST_SHAPE_REJECTED: ExpectedRejection = { statuses: [400, 401] };

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

export const NEGATIVE_CASES: readonly NegativeCase[] = [
  claimsCase(
    { id: 'exp-expired', name: 'Expired exp (1.2.4)', mutates: 'exp 10 minutes in the past (iat 20 minutes ago)', subject: 'an expired assertion', expect: { statuses: [401], codes: ['1.2.4'] } },
    (c) => ({ ...c, iat: c.iat - 1200, exp: c.iat - 600 }),
  ),
  claimsCase(
    { id: 'lifetime-over-hour', name: 'Lifetime over one hour', mutates: 'exp = iat + 3600 + 600', subject: 'an assertion living longer than one hour (exp > iat + 3600)', expect: REJECTED_401 },
    (c) => ({ ...c, exp: c.iat + 4200 }),
  ),
  claimsCase(
    { id: 'exp-equals-iat', name: 'exp equal to iat', mutates: 'exp = iat, both 10 s ahead so that only this rule is broken (the assertion is not yet expired on arrival)', subject: 'an assertion whose exp equals its iat', expect: REJECTED_401 },
    (c) => ({ ...c, iat: c.iat + EQUAL_EXP_LEAD_SECONDS, exp: c.iat + EQUAL_EXP_LEAD_SECONDS }),
  ),
  claimsCase(
    { id: 'iat-future', name: 'iat in the future', mutates: 'iat 10 minutes ahead (exp = iat + 3600)', subject: 'an assertion issued in the future (iat later than now)', expect: REJECTED_401 },
    (c) => ({ ...c, iat: c.iat + 600, exp: c.iat + 600 + 3600 }),
  ),
  claimsCase(
    { id: 'aud-other-environment', name: 'aud of the other environment', mutates: "aud = the other environment's identity URL", subject: "an assertion whose aud names another environment", expect: REJECTED_401 },
    (c, tools) => ({ ...c, aud: tools.otherAud }),
  ),
  claimsCase(
    { id: 'aud-trailing-slash', name: 'aud with a trailing slash', mutates: 'aud + "/"', subject: 'an assertion whose aud has a trailing slash', expect: REJECTED_401 },
    (c) => ({ ...c, aud: `${c.aud}/` }),
  ),
  claimsCase(
    { id: 'iss-wrong-tenant', name: 'Wrong tenant in iss (1.0.1)', mutates: 'the tenant part of iss replaced by an unknown tenant', subject: 'an assertion from an unknown tenant', expect: { statuses: [401], codes: ['1.0.1'] } },
    (c) => ({ ...c, iss: withOtherTenant(c.iss) }),
  ),
  claimsCase(
    { id: 'scope-missing', name: 'Missing scope (1.1.1)', mutates: 'scope removed', subject: 'an assertion without scope', expect: { statuses: [401], codes: ['1.1.1'] } },
    (c) => {
      const { scope: _dropped, ...rest } = c;
      return rest;
    },
  ),
  claimsCase(
    { id: 'extra-claim', name: 'Extra claim (1.2.22)', mutates: 'a jti claim added', subject: 'an assertion with a claim other than iss, aud, scope, iat, exp', expect: { statuses: [401], codes: ['1.2.22'] } },
    (c) => ({ ...c, ...EXTRA_CLAIM }),
  ),
  {
    id: 'signature-tampered', name: 'Tampered signature (1.2.5 or 1.2.21)', mutates: 'one character in the middle of the signature changed', subject: 'an assertion whose signature does not verify', body: 'form',
    expect: { statuses: [401], codes: BAD_SIGNATURE_CODES },
    build: (header, claims, tools) => tamperSignature(tools.signWithAccountKey(header, claims)),
  },
  {
    id: 'signature-other-key', name: 'Signed by another key (1.2.5 or 1.2.21)', mutates: 'signed with a freshly generated RSA key instead of the account key', subject: "an assertion signed by a key that is not the account's", body: 'form',
    expect: { statuses: [401], codes: BAD_SIGNATURE_CODES },
    build: (header, claims, tools) => tools.signWithOtherKey(header, claims),
  },
  {
    id: 'alg-none', name: 'alg none', mutates: 'header alg "none", empty signature', subject: 'an unsigned assertion (alg none)', body: 'form',
    expect: REJECTED_401,
    build: (header, claims, tools) => tools.unsigned({ ...header, alg: 'none' }, claims),
  },
  {
    id: 'alg-hs256-public-key', name: 'HS256 keyed with the public key', mutates: 'header alg "HS256", HMAC keyed with the account public key PEM', subject: 'an HS256 assertion keyed with the public key (algorithm confusion)', body: 'form',
    expect: REJECTED_401,
    build: (header, claims, tools) => tools.signHs256WithPublicKey({ ...header, alg: 'HS256' }, claims),
  },
  {
    id: 'malformed', name: 'Malformed token (1.2.20 or 1.2.21)', mutates: 'assertion replaced by a string that is not a JWT', subject: 'a malformed assertion', body: 'form',
    expect: { statuses: [401], codes: ['1.2.20', '1.2.21'] },
    build: () => MALFORMED_ASSERTION,
  },
  {
    id: 'replay', name: 'Replayed assertion (1.2.7)', mutates: 'the assertion is exchanged once, then sent again', subject: 'a replayed assertion', body: 'form', replay: true,
    expect: { statuses: [401], codes: ['1.2.7'] },
    build: (header, claims, tools) => tools.signWithAccountKey(header, claims),
  },
  {
    id: 'grant-type-wrong', name: 'Wrong grant_type', mutates: `grant_type=${WRONG_GRANT_TYPE}`, subject: 'a request with the wrong grant_type', body: 'form-wrong-grant-type',
    expect: REQUEST_SHAPE_REJECTED,
    build: (header, claims, tools) => tools.signWithAccountKey(header, claims),
  },
  {
    id: 'assertion-missing', name: 'Missing assertion', mutates: 'the assertion field left out of the form', subject: 'a request without assertion', body: 'form-without-assertion',
    expect: REQUEST_SHAPE_REJECTED,
    build: (header, claims, tools) => tools.signWithAccountKey(header, claims),
  },
  {
    id: 'json-body', name: 'JSON body instead of a form', mutates: 'grant_type and assertion sent as a JSON body', subject: 'a JSON body instead of a form', body: 'json',
    expect: { statuses: [400, 401, 415] },
    build: (header, claims, tools) => tools.signWithAccountKey(header, claims),
  },
];

export function findNegativeCase(id: string): NegativeCase | undefined {
  return NEGATIVE_CASES.find((c) => c.id === id);
}
