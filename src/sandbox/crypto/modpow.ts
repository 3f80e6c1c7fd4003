/**
 * Modular exponentiation on BigInt, sliding window over the exponent's bits (read once as a string, so the
 * loop allocates only the products — no per-bit `exp >> 1n` / `exp & 1n` BigInts).
 *
 * Why this shape (measured on 2048-bit RSA-CRT, 1024-bit moduli, V8 11): a mulmod costs ≈ 0.6 µs for the
 * product and ≈ 1.1 µs for `%`; Montgomery and Barrett reduction replace `%` by two more products and were
 * slower, so the only lever is the number of mulmods. Binary square-and-multiply needs ≈ 1.5 per exponent
 * bit; a 5-bit sliding window ≈ 1.2 (every bit squared once, one product per window, 16 precomputed odd
 * powers), ≈ 20 % fewer.
 */
const WINDOW = 5;

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus === 1n) return 0n;
  if (exponent === 0n) return 1n;
  const b = base % modulus;
  const bits = exponent.toString(2);
  // Odd powers b, b^3, b^5, … b^(2^WINDOW - 1); small exponents (e.g. e = 65537) need none beyond b.
  const oddPowers = [b];
  if (bits.length > 32) {
    const b2 = (b * b) % modulus;
    for (let i = 1; i < 1 << (WINDOW - 1); i++) oddPowers.push((oddPowers[i - 1] * b2) % modulus);
  }
  const window = bits.length > 32 ? WINDOW : 1;
  let result = 1n;
  let started = false;
  for (let i = 0; i < bits.length; ) {
    if (bits.charCodeAt(i) === 48) {
      if (started) result = (result * result) % modulus;
      i++;
      continue;
    }
    // The longest window of at most `window` bits starting here that ends in a 1 bit.
    let end = Math.min(i + window, bits.length);
    while (bits.charCodeAt(end - 1) === 48) end--;
    const power = oddPowers[parseInt(bits.slice(i, end), 2) >> 1];
    if (started) {
      for (let k = i; k < end; k++) result = (result * result) % modulus;
      result = (result * power) % modulus;
    } else {
      result = power;
      started = true;
    }
    i = end;
  }
  return result;
}
