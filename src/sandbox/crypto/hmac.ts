/** HMAC-SHA256 (RFC 2104). Needed for the HS256 "algorithm confusion" negative case. */
import { sha256 } from './sha256';

const BLOCK = 64;

export function hmacSha256(keyBytes: Uint8Array, dataBytes: Uint8Array): Uint8Array {
  const key = keyBytes.length > BLOCK ? sha256(keyBytes) : keyBytes;
  const inner = new Uint8Array(BLOCK + dataBytes.length);
  const outer = new Uint8Array(BLOCK + 32);
  for (let i = 0; i < BLOCK; i++) {
    const k = i < key.length ? key[i] : 0;
    inner[i] = k ^ 0x36;
    outer[i] = k ^ 0x5c;
  }
  inner.set(dataBytes, BLOCK);
  outer.set(sha256(inner), BLOCK);
  return sha256(outer);
}
