/** The RS256 assertion, signed in Node with jose — the same claims the sandbox signer produces. */
import { SignJWT } from 'jose';
import type { Credentials } from '../credentials';
import { ASSERTION_HEADER, DEFAULT_ASSERTION_LIFETIME_SECONDS, REQUIRED_SCOPE } from '../idcloud/claims';

/**
 * Signs a fresh assertion: header exactly {"alg":"RS256","typ":"JWT"}, claims iss, aud, scope, iat, exp
 * and nothing else (Unico rejects other claims). aud/iat/exp are never taken from the payload file.
 */
export function signAssertion(creds: Credentials, audience: string, nowSeconds: number = Math.floor(Date.now() / 1000)): Promise<string> {
  const iat = Math.floor(nowSeconds);
  return new SignJWT({ iss: creds.iss, aud: audience, scope: REQUIRED_SCOPE, iat, exp: iat + DEFAULT_ASSERTION_LIFETIME_SECONDS })
    .setProtectedHeader({ ...ASSERTION_HEADER })
    .sign(creds.key.keyObject);
}
