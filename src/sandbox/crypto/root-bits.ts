/**
 * The constants of the SHA-2 family, by their definition (FIPS 180-4 §4.2.2, §4.2.3, §5.3): the first 32 or 64
 * bits of the fractional parts of the square and cube roots of the first primes. Computed exactly with integer
 * roots in BigInt rather than listed: less script text in every collection; tests compare with node:crypto.
 */

/** The first `count` primes. */
export function firstPrimes(count: number): number[] {
  const primes: number[] = [];
  for (let candidate = 2; primes.length < count; candidate++) {
    let prime = true;
    for (let d = 2; d * d <= candidate; d++) if (candidate % d === 0) prime = false;
    if (prime) primes.push(candidate);
  }
  return primes;
}

/** The first `bits` bits of the fractional part of prime^(1/degree), by Newton's method on integers. */
export function fractionalRootBits(prime: number, degree: 2 | 3, bits: number): bigint {
  const k = BigInt(degree);
  const target = BigInt(prime) << BigInt(bits * degree);
  // Every root used is below 8 (the 80th prime is 409): start above it and descend.
  let x = BigInt(1) << BigInt(bits + 3);
  for (;;) {
    const next = ((k - BigInt(1)) * x + target / x ** (k - BigInt(1))) / k;
    if (next >= x) break;
    x = next;
  }
  return x & ((BigInt(1) << BigInt(bits)) - BigInt(1));
}
