/** Compact JWS (RFC 7515) signed with RS256: what Unico's token endpoint expects as the `assertion`. */
import { base64urlEncode } from './base64';
import { parseRsaPrivateKey } from './key-parse';
import { signRs256 } from './rsa';
import { utf8Encode } from './utf8';

/** base64url(UTF-8(JSON)) of a JWS header or payload. */
export function encodeJwsPart(obj: unknown): string {
  return base64urlEncode(utf8Encode(JSON.stringify(obj)));
}

export function signJwtRs256(privateKeyPem: string, claims: object, header: object = { alg: 'RS256', typ: 'JWT' }): string {
  const signingInput = encodeJwsPart(header) + '.' + encodeJwsPart(claims);
  const signature = signRs256(parseRsaPrivateKey(privateKeyPem), utf8Encode(signingInput));
  return signingInput + '.' + base64urlEncode(signature);
}
