/**
 * SHA-512 (FIPS 180-4) on byte arrays, in BigInt: only the RS512 negative case needs it (one short message per
 * run), so clarity beats speed. Not on the RS256 signing path (tree shaking keeps it out of the signer).
 */
import { bigIntToBytes, bytesToBigInt } from './bigint-bytes';
import { firstPrimes, fractionalRootBits } from './root-bits';

const MASK = /* @__PURE__ */ BigInt('0xffffffffffffffff');
/** Computed on first use: module-level work would survive tree shaking and enter every bundle of the library. */
let constants: { K: bigint[]; H0: bigint[] } | undefined;

function sha512Constants(): { K: bigint[]; H0: bigint[] } {
  if (!constants) {
    const primes = firstPrimes(80);
    constants = { K: primes.map((prime) => fractionalRootBits(prime, 3, 64)), H0: primes.slice(0, 8).map((prime) => fractionalRootBits(prime, 2, 64)) };
  }
  return constants;
}

function rotr(x: bigint, n: number): bigint {
  return ((x >> BigInt(n)) | (x << BigInt(64 - n))) & MASK;
}

export function sha512(data: Uint8Array): Uint8Array {
  const length = data.length;
  // Message, 0x80, zero padding, 128-bit big-endian bit length: a whole number of 128-byte blocks.
  const padded = new Uint8Array((((length + 16) >> 7) + 1) << 7);
  padded.set(data);
  padded[length] = 0x80;
  padded.set(bigIntToBytes(BigInt(length) * BigInt(8), 16), padded.length - 16);

  const { K, H0 } = sha512Constants();
  const h = H0.slice();
  const w: bigint[] = new Array(80);
  for (let offset = 0; offset < padded.length; offset += 128) {
    for (let t = 0; t < 16; t++) w[t] = bytesToBigInt(padded.subarray(offset + t * 8, offset + t * 8 + 8));
    for (let t = 16; t < 80; t++) {
      const s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> BigInt(7));
      const s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> BigInt(6));
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) & MASK;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 80; t++) {
      const S1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41);
      const ch = (e & f) ^ (~e & MASK & g);
      const t1 = (hh + S1 + ch + K[t] + w[t]) & MASK;
      const S0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) & MASK;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) & MASK;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) & MASK;
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => (h[i] = (h[i] + v) & MASK));
  }
  const out = new Uint8Array(64);
  h.forEach((v, i) => out.set(bigIntToBytes(v, 8), i * 8));
  return out;
}
