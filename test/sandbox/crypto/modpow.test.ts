/** The sliding-window modPow against plain square-and-multiply, across the window/no-window threshold. */
import { randomBytes } from 'node:crypto';
import { modPow } from '../../../src/sandbox/crypto/modpow';

function reference(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n % modulus;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

const random = (bytes: number): bigint => BigInt('0x' + randomBytes(bytes).toString('hex'));

test('matches square-and-multiply for exponents of 0..300 bits and edge values', () => {
  for (let bits = 0; bits <= 300; bits += 7) {
    const modulus = random(64) | 1n;
    const base = random(70);
    const exponent = bits === 0 ? 0n : random(Math.ceil(bits / 8)) >> BigInt((8 - (bits % 8)) % 8);
    expect(modPow(base, exponent, modulus)).toBe(reference(base, exponent, modulus));
  }
  const m = random(32) | 1n;
  for (const exponent of [0n, 1n, 2n, 31n, 32n, 65537n, (1n << 33n) - 1n, 1n << 40n, (1n << 200n) - 1n]) {
    for (const base of [0n, 1n, 2n, m - 1n, m, m + 5n]) expect(modPow(base, exponent, m)).toBe(reference(base, exponent, m));
  }
  expect(modPow(5n, 3n, 1n)).toBe(0n);
});
