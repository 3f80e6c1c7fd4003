/** Compact JWS (RFC 7515) signed with RS256: what Unico's token endpoint expects as the `assertion`. */
import { base64urlEncode } from './base64';
import { parseRsaPrivateKey } from './key-parse';
import { signRs256 } from './rsa';
import type { RsaPrivateKey } from './rsa-key';
import { utf8Encode } from './utf8';

/** base64url(UTF-8(JSON)) of a JWS header or payload. */
export function encodeJwsPart(obj: unknown): string {
  return base64urlEncode(utf8Encode(JSON.stringify(obj)));
}

/** `base64url(header).base64url(payload)`: what a JWS signature covers. */
export function jwsSigningInput(header: object, claims: object): string {
  return encodeJwsPart(header) + '.' + encodeJwsPart(claims);
}

/**
 * The compact JWS of `claims` signed with RS256. `key` is PEM text (parsed on every call) or a parsed key
 * (signing many assertions with one key). `header` is signed as given: the negative cases lie in it on purpose.
 */
export function signJwtRs256(key: string | RsaPrivateKey, claims: object, header: object = { alg: 'RS256', typ: 'JWT' }): string {
  const input = jwsSigningInput(header, claims);
  const parsed = typeof key === 'string' ? parseRsaPrivateKey(key) : key;
  return input + '.' + base64urlEncode(signRs256(parsed, utf8Encode(input)));
}
