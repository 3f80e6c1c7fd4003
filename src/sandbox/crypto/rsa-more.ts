/**
 * The RSA signatures other than RS256, for the negative cases that sign correctly with an algorithm Unico
 * refuses (RFC 7518 §3.3, §3.5): RS512 (PKCS#1 v1.5 with SHA-512) and PS256 (RSASSA-PSS, SHA-256, MGF1-SHA-256,
 * a 32-byte salt). Kept apart from rsa.ts so the RS256 signer never carries them.
 */
import { bigIntToBytes, bytesToHex } from './bigint-bytes';
import { byteLength, rsaPrivate } from './rsa';
import type { RsaPrivateKey } from './rsa-key';
import { sha256 } from './sha256';
import { sha512 } from './sha512';

/** DER of DigestInfo { AlgorithmIdentifier sha512, NULL } followed by the OCTET STRING header of the hash. */
const SHA512_DIGEST_INFO_HEX = '3051300d060960864801650304020305000440';
const PSS_SALT_BYTES = 32;
const HASH_BYTES = 32;

/** RSASP1 of an encoded message given as hex (rsa.ts signs RS256 alone, so that its bundle stays minimal). */
function signEncoded(key: RsaPrivateKey, encodedHex: string): Uint8Array {
  return bigIntToBytes(rsaPrivate(key, BigInt('0x' + encodedHex)), byteLength(key));
}

/** RS512: EMSA-PKCS1-v1_5 (00 01 FF… 00 DigestInfo H) with SHA-512. Deterministic: equal to node:crypto's. */
export function signRs512(key: RsaPrivateKey, bytes: Uint8Array): Uint8Array {
  const t = SHA512_DIGEST_INFO_HEX + bytesToHex(sha512(bytes));
  return signEncoded(key, '0001' + 'ff'.repeat(byteLength(key) - 3 - t.length / 2) + '00' + t);
}

/** MGF1 with SHA-256 (RFC 8017 §B.2.1). */
function mgf1Sha256(seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const input = new Uint8Array(seed.length + 4);
  input.set(seed);
  for (let counter = 0, at = 0; at < length; counter++, at += HASH_BYTES) {
    input[seed.length] = counter >>> 24;
    input[seed.length + 1] = counter >>> 16;
    input[seed.length + 2] = counter >>> 8;
    input[seed.length + 3] = counter;
    const block = sha256(input);
    out.set(block.subarray(0, Math.min(HASH_BYTES, length - at)), at);
  }
  return out;
}

/**
 * EMSA-PSS-ENCODE (RFC 8017 §9.1.1) of `bytes` for a key of `modulusBits`. The salt need not be secret (it
 * only makes signatures differ), so `random` may be Math.random, the only randomness of postman-sandbox 4.7.1.
 */
export function emsaPssSha256(bytes: Uint8Array, modulusBits: number, random: () => number = Math.random): Uint8Array {
  const emBits = modulusBits - 1;
  const emLen = Math.ceil(emBits / 8);
  const salt = new Uint8Array(PSS_SALT_BYTES);
  for (let i = 0; i < salt.length; i++) salt[i] = Math.floor(random() * 256);
  const mPrime = new Uint8Array(8 + HASH_BYTES + PSS_SALT_BYTES);
  mPrime.set(sha256(bytes), 8);
  mPrime.set(salt, 8 + HASH_BYTES);
  const h = sha256(mPrime);
  const dbLength = emLen - HASH_BYTES - 1;
  const db = new Uint8Array(dbLength);
  db[dbLength - PSS_SALT_BYTES - 1] = 0x01;
  db.set(salt, dbLength - PSS_SALT_BYTES);
  const mask = mgf1Sha256(h, dbLength);
  for (let i = 0; i < dbLength; i++) db[i] ^= mask[i];
  db[0] &= 0xff >>> (8 * emLen - emBits);
  const em = new Uint8Array(emLen);
  em.set(db);
  em.set(h, dbLength);
  em[emLen - 1] = 0xbc;
  return em;
}

export function signPs256(key: RsaPrivateKey, bytes: Uint8Array, random?: () => number): Uint8Array {
  const em = emsaPssSha256(bytes, key.bits, random);
  // emLen may be one byte short of the key's length (modulus bits ≡ 1 mod 8): left-pad as RSASP1 reads it.
  return signEncoded(key, bytesToHex(em).padStart(byteLength(key) * 2, '0'));
}
