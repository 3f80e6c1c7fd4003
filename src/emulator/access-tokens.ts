/**
 * The emulator's own access tokens: RS256 JWTs signed with a key generated at start (never written
 * anywhere), published at /.well-known/jwks.json, and checked by the product APIs.
 */
import { createPublicKey, generateKeyPair, KeyObject, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { calculateJwkThumbprint, errors as joseErrors, exportJWK, JWK, jwtVerify, SignJWT } from 'jose';
import { REQUIRED_SCOPE } from '../idcloud/claims';

export interface AccessTokenClaims {
  /** The service account the token was issued to (its iss). */
  sub: string;
  tenant: string;
}

export type TokenCheck = { ok: true; claims: AccessTokenClaims } | { ok: false; expired: boolean };

export interface TokenIssuer {
  jwks: { keys: JWK[] };
  issue(claims: AccessTokenClaims, nowSeconds: number): Promise<string>;
  verify(token: string, nowSeconds: number): Promise<TokenCheck>;
}

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Public JWK with kid (its RFC 7638 thumbprint), alg and use. */
  jwk: JWK;
}

/**
 * A fresh RSA key per emulator start (tokens of an earlier run are not accepted), or the RSA private key given
 * (EmulatorOptions.signingKey).
 */
export async function generateSigningKey(given?: KeyObject): Promise<SigningKey> {
  const { privateKey, publicKey } = given ? { privateKey: given, publicKey: createPublicKey(given) } : await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const jwk = await exportJWK(publicKey);
  return { privateKey, publicKey, jwk: { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' } };
}

export function createTokenIssuer(key: SigningKey, issuer: string, lifetimeSeconds: number): TokenIssuer {
  const kid = key.jwk.kid as string;
  return {
    jwks: { keys: [key.jwk] },
    issue: (claims, nowSeconds) => signAccessToken(key.privateKey, kid, issuer, claims, nowSeconds, lifetimeSeconds),
    verify: (token, nowSeconds) => verifyAccessToken(key.publicKey, issuer, token, nowSeconds),
  };
}

function signAccessToken(
  key: KeyObject, kid: string, issuer: string, claims: AccessTokenClaims, nowSeconds: number, lifetimeSeconds: number,
): Promise<string> {
  return new SignJWT({ scope: REQUIRED_SCOPE, tenant: claims.tenant })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
    .setIssuer(issuer)
    .setAudience(issuer)
    .setSubject(claims.sub)
    .setJti(randomUUID())
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + lifetimeSeconds)
    .sign(key);
}

async function verifyAccessToken(key: KeyObject, issuer: string, token: string, nowSeconds: number): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['RS256'],
      issuer,
      audience: issuer,
      currentDate: new Date(nowSeconds * 1000),
    });
    if (typeof payload.sub !== 'string' || typeof payload.tenant !== 'string') return { ok: false, expired: false };
    return { ok: true, claims: { sub: payload.sub, tenant: payload.tenant } };
  } catch (error) {
    return { ok: false, expired: error instanceof joseErrors.JWTExpired };
  }
}
