/**
 * Valid assertions and the signing tools the negative cases (src/suites/cases.ts) build their mutations with,
 * on top of the sandbox RS256 signer. Runs inside Postman and in Node.
 */
import { ASSERTION_HEADER, DEFAULT_ASSERTION_LIFETIME_SECONDS, REQUIRED_SCOPE } from '../idcloud/claims';
import type { AssertionClaims, JwsHeader, MutationTools } from '../suites/cases';
import {
  base64urlEncode,
  encodeJwsPart,
  generateRsaPrivateKey,
  hmacSha256,
  parseRsaPrivateKey,
  publicKeySpkiPem,
  RsaPrivateKey,
  signRs256,
  utf8Encode,
} from './index';

export interface AssertionParts {
  header: JwsHeader;
  claims: AssertionClaims;
}

/** The valid assertion: header exactly {alg RS256, typ JWT}; iat now, exp iat + 3600 (idcloud-auth.md §2). */
export function validAssertionParts(iss: string, aud: string, nowMs: number): AssertionParts {
  const iat = Math.floor(nowMs / 1000);
  return {
    header: { ...ASSERTION_HEADER },
    claims: { iss, aud, scope: REQUIRED_SCOPE, iat, exp: iat + DEFAULT_ASSERTION_LIFETIME_SECONDS },
  };
}

export function signingInput(header: JwsHeader, claims: object): string {
  return `${encodeJwsPart(header)}.${encodeJwsPart(claims)}`;
}

export function signJwsRs256(key: RsaPrivateKey, header: JwsHeader, claims: object): string {
  const input = signingInput(header, claims);
  return `${input}.${base64urlEncode(signRs256(key, utf8Encode(input)))}`;
}

export type ParsedKey = { ok: true; key: RsaPrivateKey } | { ok: false; problem: string };

/** Parses private_key; the message never contains the key's text. */
export function parseAccountKey(pem: string): ParsedKey {
  try {
    return { ok: true, key: parseRsaPrivateKey(pem) };
  } catch (error) {
    // The parser's messages say what the text is instead (public key, certificate, encrypted, EC, truncated)
    // and never quote key material.
    return { ok: false, problem: 'private_key: ' + (error as Error).message };
  }
}

/** Tools for the negative cases; the other key is generated only when a case asks for it. */
export function mutationTools(key: RsaPrivateKey, otherAud: string, makeOtherKey: (bits: number) => RsaPrivateKey = generateRsaPrivateKey): MutationTools {
  let otherKey: RsaPrivateKey | undefined;
  return {
    otherAud,
    signWithAccountKey: (header, claims) => signJwsRs256(key, header, claims),
    signWithOtherKey: (header, claims) => {
      // 2048 bits whatever the account's size: a 4096-bit key takes seconds to generate in the sandbox,
      // and any other key is rejected just the same.
      otherKey = otherKey || makeOtherKey(2048);
      return signJwsRs256(otherKey, header, claims);
    },
    signHs256WithPublicKey: (header, claims) => {
      const input = signingInput(header, claims);
      const mac = hmacSha256(utf8Encode(publicKeySpkiPem(key)), utf8Encode(input));
      return `${input}.${base64urlEncode(mac)}`;
    },
    unsigned: (header, claims) => `${signingInput(header, claims)}.`,
  };
}
