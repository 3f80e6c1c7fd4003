/**
 * RSA key generation for the sandbox's "signed by another key" negative case.
 * Randomness comes from Math.random: NOT cryptographically secure, and acceptable only because the key is
 * a throwaway wrong key whose signatures must be rejected. Never use it for a real credential.
 */
import { modPow } from './modpow';
import type { RsaPrivateKey } from './rsa-key';

const E = 65537n;

/**
 * Odd primes below 2^14 (Eratosthenes): a candidate divisible by one is skipped before any modPow. Leaves
 * ≈ 11 % of odd candidates (Mertens), ≈ 40 Miller–Rabin tests per 1024-bit prime.
 */
function smallPrimes(): number[] {
  const limit = 1 << 14;
  const composite = new Uint8Array(limit);
  const primes: number[] = [];
  for (let n = 3; n < limit; n += 2) {
    if (composite[n]) continue;
    primes.push(n);
    for (let m = n * n; m < limit; m += 2 * n) composite[m] = 1;
  }
  return primes;
}

function randomBits(bits: number): bigint {
  let hex = '';
  for (let i = 0; i < Math.ceil(bits / 4); i++) hex += Math.floor(Math.random() * 16).toString(16);
  return BigInt('0x' + hex) & ((1n << BigInt(bits)) - 1n);
}

/**
 * Miller–Rabin; an error probability below 4^-rounds. Base 2 first: its table of odd powers holds small
 * numbers, so the window products are cheap, and almost every composite fails it. Then random bases.
 */
export function isProbablePrime(n: bigint, rounds: number): boolean {
  if (n < 5n) return n === 2n || n === 3n;
  if ((n & 1n) === 0n) return false;
  const nMinus1 = n - 1n;
  let d = nMinus1;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  const bits = n.toString(2).length;
  for (let r = 0; r < rounds; r++) {
    const a = r === 0 ? 2n : 2n + (randomBits(bits) % (n - 3n));
    let x = modPow(a, d, n);
    if (x === 1n || x === nMinus1) continue;
    let witness = true;
    for (let i = 1; i < s && witness; i++) {
      x = (x * x) % n;
      if (x === nMinus1) witness = false;
    }
    if (witness) return false;
  }
  return true;
}

/**
 * A random prime of exactly `bits` bits with its top two bits set (so p·q has exactly 2·bits bits) and
 * gcd(p − 1, e) = 1. Incremental search: residues modulo the small primes are updated with Number
 * arithmetic as the candidate grows by 2, so rejected candidates cost no BigInt work at all.
 */
export function randomPrime(bits: number): bigint {
  const sievePrimes = smallPrimes();
  for (;;) {
    const start = randomBits(bits) | (3n << BigInt(bits - 2)) | 1n;
    const residues = sievePrimes.map((p) => Number(start % BigInt(p)));
    for (let delta = 0; delta < 20000; delta += 2) {
      let divisible = false;
      for (let i = 0; i < sievePrimes.length; i++) {
        if ((residues[i] + delta) % sievePrimes[i] === 0) {
          divisible = true;
          break;
        }
      }
      if (divisible) continue;
      const candidate = start + BigInt(delta);
      if (candidate >> BigInt(bits)) break; // ran past the bit size: pick a new start
      if ((candidate - 1n) % E === 0n) continue;
      if (isProbablePrime(candidate, 6)) return candidate;
    }
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** a^-1 mod m (extended Euclid); a and m coprime. */
export function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new Error('not invertible');
  return ((oldS % m) + m) % m;
}

export function generateRsaPrivateKey(bits = 2048): RsaPrivateKey {
  if (bits < 512 || bits % 2) throw new Error('RSA key size must be an even number of bits ≥ 512');
  for (;;) {
    let p = randomPrime(bits / 2);
    let q = randomPrime(bits / 2);
    if (p === q) continue;
    if (p < q) [p, q] = [q, p]; // convention (as OpenSSL): p > q
    const pMinus1 = p - 1n;
    const qMinus1 = q - 1n;
    const lambda = (pMinus1 / gcd(pMinus1, qMinus1)) * qMinus1;
    const d = modInverse(E, lambda);
    return { bits, n: p * q, e: E, d, p, q, dp: d % pMinus1, dq: d % qMinus1, qinv: modInverse(q, p) };
  }
}
