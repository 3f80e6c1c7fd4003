/** RSA keys back to DER/PEM: the public key as SPKI (BEGIN PUBLIC KEY), the private key as PKCS#1. */
import { encodeInteger, encodeSequence, encodeTlv, concatBytes, TAG } from './der';
import { pemEncode } from './pem';
import type { RsaPrivateKey } from './rsa-key';

export function publicKeySpkiDer(key: { n: bigint; e: bigint }): Uint8Array {
  const rsaPublicKey = encodeSequence([encodeInteger(key.n), encodeInteger(key.e)]);
  // BIT STRING content: a leading "0 unused bits" byte, then the RSAPublicKey DER.
  const bitString = encodeTlv(TAG.BIT_STRING, concatBytes([new Uint8Array([0]), rsaPublicKey]));
  // AlgorithmIdentifier { rsaEncryption, NULL }
  const rsaAlgorithm = new Uint8Array([0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00]);
  return encodeSequence([rsaAlgorithm, bitString]);
}

export function publicKeySpkiPem(key: { n: bigint; e: bigint }): string {
  return pemEncode('PUBLIC KEY', publicKeySpkiDer(key));
}

/** The private key as PKCS#1 PEM (BEGIN RSA PRIVATE KEY), e.g. to hand a generated key to signJwtRs256. */
export function privateKeyPkcs1Pem(key: RsaPrivateKey): string {
  const fields = [0n, key.n, key.e, key.d, key.p, key.q, key.dp, key.dq, key.qinv];
  return pemEncode('RSA PRIVATE KEY', encodeSequence(fields.map(encodeInteger)));
}
