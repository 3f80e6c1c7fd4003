/** PEM text → RsaPrivateKey, from PKCS#1 (BEGIN RSA PRIVATE KEY) or PKCS#8 (BEGIN PRIVATE KEY). */
import { bitLength, bytesToHex } from './bigint-bytes';
import { expectTag, readChildren, readInteger, readTlv, TAG } from './der';
import { ENCRYPTED_KEY, pemDecode, pemKeyKind } from './pem';
import type { RsaPrivateKey } from './rsa-key';

/** Key algorithms people send by mistake, by the DER of their OID. */
const OID_NAMES: Record<string, string> = {
  '2a864886f70d010101': 'RSA',
  '2a8648ce3d0201': 'EC',
  '2b6570': 'Ed25519',
  '2a864886f70d01010a': 'RSA-PSS',
};
const RSA_ONLY = 'Unico service accounts use RSA keys (RS256)';

/**
 * The relations CRT signing relies on; a key that breaks one would sign wrongly (and a wrong CRT signature
 * can reveal a factor of n), and d must agree with them. Cheap: a few products and remainders.
 */
export function isConsistent(key: RsaPrivateKey): boolean {
  const { n, e, d, p, q, dp, dq, qinv } = key;
  return (
    p > 1n && q > 1n && p * q === n &&
    (e * dp) % (p - 1n) === 1n && (e * dq) % (q - 1n) === 1n && (q * qinv) % p === 1n &&
    d % (p - 1n) === dp && d % (q - 1n) === dq
  );
}

/** RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, dp, dq, qinv } (RFC 8017 A.1.2). */
export function rsaKeyFromPkcs1(der: Uint8Array): RsaPrivateKey {
  const fields = readChildren(der, expectTag(readTlv(der, 0), TAG.SEQUENCE, 'RSAPrivateKey'));
  if (fields.length < 9) throw new Error('the RSA private key is incomplete (truncated?)');
  const [version, n, e, d, p, q, dp, dq, qinv] = fields.map((f) => readInteger(der, f));
  if (version !== 0n) throw new Error('multi-prime RSA keys are not supported');
  const key = { bits: bitLength(n), n, e, d, p, q, dp, dq, qinv };
  if (!isConsistent(key)) throw new Error('the RSA private key is inconsistent (corrupted?): its CRT values do not match');
  return key;
}

/** PrivateKeyInfo ::= SEQUENCE { version, AlgorithmIdentifier, OCTET STRING privateKey } (RFC 5208). */
export function rsaKeyFromPkcs8(der: Uint8Array): RsaPrivateKey {
  const fields = readChildren(der, expectTag(readTlv(der, 0), TAG.SEQUENCE, 'PrivateKeyInfo'));
  if (fields.length < 3) throw new Error('the PKCS#8 private key is incomplete (truncated?)');
  const algorithm = readChildren(der, expectTag(fields[1], TAG.SEQUENCE, 'AlgorithmIdentifier'));
  const oid = expectTag(algorithm[0], TAG.OID, 'algorithm');
  const oidHex = bytesToHex(der.subarray(oid.start, oid.end));
  const name = OID_NAMES[oidHex];
  if (name !== 'RSA') {
    throw new Error('this is ' + (name ? 'an ' + name : 'a non-RSA') + ' key: ' + RSA_ONLY);
  }
  const inner = expectTag(fields[2], TAG.OCTET_STRING, 'privateKey');
  return rsaKeyFromPkcs1(der.subarray(inner.start, inner.end));
}

export function parseRsaPrivateKey(pem: string): RsaPrivateKey {
  const { label, der } = pemDecode(pem);
  const kind = pemKeyKind({ label });
  if (kind === 'rsa-pkcs1') return rsaKeyFromPkcs1(der);
  if (kind === 'pkcs8') return rsaKeyFromPkcs8(der);
  if (kind === 'public-key' || kind === 'certificate') {
    throw new Error('this is ' + (kind === 'public-key' ? 'a public key' : 'a certificate') + ', not the private key: use the .key.pem file');
  }
  if (kind === 'encrypted') throw new Error(ENCRYPTED_KEY);
  throw new Error('this is not an RSA private key but "' + label + '": ' + RSA_ONLY + ', PEM BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY');
}
