/** An RSA public key as a JWK (RFC 7517 §4, RFC 7518 §6.3.1): what the embedded-`jwk` negative case puts in its header. */
import { base64urlEncode } from './base64';
import { bigIntToBytes } from './bigint-bytes';

export function rsaPublicJwk(key: { n: bigint; e: bigint }): { kty: 'RSA'; n: string; e: string } {
  return { kty: 'RSA', n: base64urlEncode(bigIntToBytes(key.n)), e: base64urlEncode(bigIntToBytes(key.e)) };
}
