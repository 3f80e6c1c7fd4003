/**
 * Valid assertions and the signing tools the negative cases (src/suites/cases.ts) build their mutations with,
 * on top of the sandbox RS256 signer. Runs inside Postman and in Node.
 */
import { ASSERTION_HEADER, AssertionTimes, REQUIRED_SCOPE } from '../../idcloud/claims';
import type { AssertionClaims, JwsHeader, MutationTools } from '../../suites/cases';
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
} from '../crypto/index';

export interface AssertionParts {
  header: JwsHeader;
  claims: AssertionClaims;
}

/**
 * The valid assertion: header exactly {alg RS256, typ JWT}; claims iss, aud, scope, iat, exp only
 * (idcloud-auth.md §2), with the times of claims.ts `assertionTimes` (iat now, exp at most iat + 3600).
 */
export function validAssertionParts(iss: string, aud: string, times: AssertionTimes): AssertionParts {
  return {
    header: { ...ASSERTION_HEADER },
    claims: { iss, aud, scope: REQUIRED_SCOPE, iat: times.iat, exp: times.exp },
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

/**
 * Where "signed by another key" gets its key: the PEM the runner injects (idcloud_other_private_key, a throwaway
 * key made with node:crypto) when it parses, else a key generated here, which costs 150-500 ms in the sandbox.
 */
export function otherKeyMaker(injectedPem: string): (bits: number) => RsaPrivateKey {
  return (bits) => {
    if (injectedPem.trim()) {
      try {
        return parseRsaPrivateKey(injectedPem);
      } catch {
        // An unusable injected key is not the user's problem: make one as the Postman app would.
      }
    }
    return generateRsaPrivateKey(bits);
  };
}

/** Tools for the negative cases; the other key is made only when a case asks for it. */
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
