/**
 * Valid assertions and the signing tools the negative cases (src/suites/cases.ts) build their mutations with,
 * on top of the sandbox RS256 signer. Runs inside Postman and in Node.
 */
import { ASSERTION_HEADER, AssertionTimes, REQUIRED_SCOPE } from '../../idcloud/claims';
import type { AssertionClaims, JwsHeader, MutationTools } from '../../suites/cases';
import { base64urlEncode } from '../crypto/base64';
import { hmacSha256 } from '../crypto/hmac';
import { rsaPublicJwk } from '../crypto/jwk';
import { jwsSigningInput, signJwtRs256 } from '../crypto/jws';
import { signPs256, signRs512 } from '../crypto/rsa-more';
import { privateKeyPkcs1Pem, publicKeySpkiPem } from '../crypto/key-encode';
import { parseRsaPrivateKey } from '../crypto/key-parse';
import { generateRsaPrivateKey } from '../crypto/keygen';
import type { RsaPrivateKey } from '../crypto/rsa-key';
import { utf8Encode } from '../crypto/utf8';

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

/**
 * Where "signed by another key" gets its key: the PEM the runner injects (idcloud_other_private_key, a throwaway
 * key made with node:crypto) when it parses, else a key generated here, which costs 150-500 ms in the sandbox.
 * A generated key is handed to `keep` (as PEM) so that the rest of a collection run signs with it instead of
 * generating one for each case that needs it (three in the Token errors folder).
 */
export function otherKeyMaker(injectedPem: string, keep: (pem: string) => void = () => undefined): (bits: number) => RsaPrivateKey {
  return (bits) => {
    if (injectedPem.trim()) {
      try {
        return parseRsaPrivateKey(injectedPem);
      } catch {
        // An unusable injected key is not the user's problem: make one as the Postman app would.
      }
    }
    const key = generateRsaPrivateKey(bits);
    keep(privateKeyPkcs1Pem(key));
    return key;
  };
}

/** Tools for the negative cases; the other key is made only when a case asks for it. */
export function mutationTools(key: RsaPrivateKey, otherAud: string, makeOtherKey: (bits: number) => RsaPrivateKey = generateRsaPrivateKey): MutationTools {
  let otherKey: RsaPrivateKey | undefined;
  // 2048 bits whatever the account's size: a 4096-bit key takes seconds to generate in the sandbox,
  // and any other key is rejected just the same.
  const other = (): RsaPrivateKey => (otherKey = otherKey || makeOtherKey(2048));
  return {
    otherAud,
    signWithAccountKey: (header, claims) => signJwtRs256(key, claims, header),
    signWithOtherKey: (header, claims) => signJwtRs256(other(), claims, header),
    otherPublicJwk: () => rsaPublicJwk(other()),
    signWithAccountKeyAs: (alg, header, claims) => {
      const input = jwsSigningInput(header, claims);
      const bytes = utf8Encode(input);
      return `${input}.${base64urlEncode(alg === 'RS512' ? signRs512(key, bytes) : signPs256(key, bytes))}`;
    },
    signHs256WithPublicKey: (header, claims) => {
      const input = jwsSigningInput(header, claims);
      const mac = hmacSha256(utf8Encode(publicKeySpkiPem(key)), utf8Encode(input));
      return `${input}.${base64urlEncode(mac)}`;
    },
    unsigned: (header, claims) => `${jwsSigningInput(header, claims)}.`,
  };
}
