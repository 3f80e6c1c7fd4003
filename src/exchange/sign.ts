/** The RS256 assertion, signed in Node with jose — the same claims the sandbox signer produces. */
import { SignJWT } from 'jose';
import type { Credentials } from '../credentials';
import { ASSERTION_HEADER, AssertionTimes, REQUIRED_SCOPE } from '../idcloud/claims';
import { freshAssertionTimes } from './fresh-times';

/**
 * Signs a fresh assertion: header exactly {"alg":"RS256","typ":"JWT"}, claims iss, aud, scope, iat, exp
 * and nothing else (Unico rejects other claims). aud/iat/exp are never taken from the payload file; by default
 * iat is now and exp unique for this process (fresh-times.ts), so no two assertions are byte-identical.
 */
export function signAssertion(creds: Credentials, audience: string, times: AssertionTimes = freshAssertionTimes(creds.iss, audience)): Promise<string> {
  return new SignJWT({ iss: creds.iss, aud: audience, scope: REQUIRED_SCOPE, iat: times.iat, exp: times.exp })
    .setProtectedHeader({ ...ASSERTION_HEADER })
    .sign(creds.key.keyObject);
}
