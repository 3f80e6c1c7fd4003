/**
 * The negative cases as the generator and the docs show them: request name and what each case changes. Kept
 * apart from the behaviour (cases.ts), which the collection's pre-request script bundles.
 */
import { IMPERSONATED_SUB, UNRESOLVABLE_JKU, WRONG_GRANT_TYPE } from './cases';

export interface NegativeCaseDoc {
  /** Request name in the `Token errors` folder. */
  name: string;
  /** The one thing this case changes, for docs and the request description. */
  mutates: string;
}

export const NEGATIVE_CASE_DOCS: Readonly<Record<string, NegativeCaseDoc>> = {
  'exp-expired': { name: 'Expired exp (1.2.4)', mutates: 'exp 10 minutes in the past (iat 20 minutes ago)' },
  'iss-wrong-tenant': { name: 'Wrong tenant in iss (1.0.1)', mutates: 'the tenant part of iss replaced by an unknown tenant' },
  'scope-missing': { name: 'Missing scope (1.1.1)', mutates: 'scope removed' },
  'extra-claim': { name: 'Extra claim (1.2.22)', mutates: 'a jti claim added' },
  'sub-claim': { name: 'sub claim (1.2.19 or 1.2.22)', mutates: `a sub claim (${IMPERSONATED_SUB}) added: impersonation, refused as 1.2.19 (older docs) or as a claim not allowed, 1.2.22 (newer)` },
  'signature-tampered': { name: 'Tampered signature (1.2.5 or 1.2.21)', mutates: 'one character in the middle of the signature changed' },
  'signature-other-key': { name: 'Signed by another key (1.2.5 or 1.2.21)', mutates: 'signed with a throwaway RSA key (the runner\'s, else one generated in the script) instead of the account key' },
  malformed: { name: 'Malformed token (1.2.20 or 1.2.21)', mutates: 'assertion replaced by a string that is not a JWT' },
  replay: { name: 'Replayed assertion (1.2.7)', mutates: 'the assertion is exchanged once, then sent again' },
  'lifetime-over-hour': { name: 'Lifetime over one hour', mutates: 'exp = iat + 3600 + 600' },
  'exp-equals-iat': { name: 'exp equal to iat', mutates: 'exp = iat, both 10 s ahead so that only this rule is broken (the assertion is not yet expired on arrival)' },
  'aud-other-environment': { name: 'aud of the other environment', mutates: "aud = the other environment's identity URL" },
  'aud-trailing-slash': { name: 'aud with a trailing slash', mutates: 'aud + "/"' },
  'alg-rs512': { name: 'alg RS512', mutates: 'header alg "RS512", correctly signed (PKCS#1 v1.5, SHA-512) with the account key' },
  'alg-ps256': { name: 'alg PS256', mutates: 'header alg "PS256", correctly signed (RSASSA-PSS, SHA-256) with the account key' },
  'alg-hs256-public-key': { name: 'HS256 keyed with the public key', mutates: 'header alg "HS256", HMAC keyed with the account public key PEM' },
  'alg-none': { name: 'alg none', mutates: 'header alg "none", empty signature' },
  'iat-future': { name: 'iat in the future', mutates: 'iat 10 minutes ahead (exp = iat + 3600)' },
  'exp-missing': { name: 'Missing exp', mutates: 'exp removed' },
  'iat-missing': { name: 'Missing iat', mutates: 'iat removed' },
  'iss-missing': { name: 'Missing iss', mutates: 'iss removed' },
  'exp-numeric-string': { name: 'exp as a numeric string', mutates: 'exp sent as a string of its digits ("1700003600")' },
  'alg-none-capitalised': { name: 'alg None', mutates: 'header alg "None", empty signature (a server that refuses only the exact "none")' },
  'alg-none-upper': { name: 'alg NONE', mutates: 'header alg "NONE", empty signature' },
  'signature-empty': { name: 'RS256 with an empty signature', mutates: 'header alg "RS256", the signature part left empty' },
  'jwk-embedded': { name: 'Embedded jwk header', mutates: 'a jwk header carrying a throwaway public key, the assertion signed by its private key: the server must not trust a key the token brings' },
  'jku-unresolvable': { name: 'jku header', mutates: `a jku header naming ${UNRESOLVABLE_JKU} (the reserved .invalid domain never resolves), signed by a throwaway key` },
  'grant-type-wrong': { name: 'Wrong grant_type', mutates: `grant_type=${WRONG_GRANT_TYPE}` },
  'assertion-missing': { name: 'Missing assertion', mutates: 'the assertion field left out of the form' },
  'json-body': { name: 'JSON body instead of a form', mutates: 'grant_type and assertion sent as a JSON body' },
};

/** The doc of a case of NEGATIVE_CASES; a missing one is a programming error that the tests catch. */
export function negativeCaseDoc(id: string): NegativeCaseDoc {
  const doc = NEGATIVE_CASE_DOCS[id];
  if (!doc) throw new Error(`negative case ${id} has no entry in NEGATIVE_CASE_DOCS`);
  return doc;
}
