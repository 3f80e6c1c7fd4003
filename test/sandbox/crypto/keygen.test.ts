/** generateRsaPrivateKey: a real, consistent RSA key whose signatures node:crypto verifies. */
import { createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { generateRsaPrivateKey, parseRsaPrivateKey, privateKeyPkcs1Pem, publicKeySpkiPem, signRs256, utf8Encode } from '../../../src/sandbox/crypto';
import { isProbablePrime } from '../../../src/sandbox/crypto/keygen';

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

describe.each([1024, 2048])('%i bits', (bits) => {
  const key = generateRsaPrivateKey(bits);

  test('the numbers are consistent: n = p·q, e·d ≡ 1 mod λ(n), CRT values', () => {
    const lambda = ((key.p - 1n) * (key.q - 1n)) / gcd(key.p - 1n, key.q - 1n);
    expect(key.bits).toBe(bits);
    expect(key.n.toString(2)).toHaveLength(bits);
    expect(key.p * key.q).toBe(key.n);
    expect(key.p).not.toBe(key.q);
    expect(key.e).toBe(65537n);
    expect((key.e * key.d) % lambda).toBe(1n);
    expect(key.dp).toBe(key.d % (key.p - 1n));
    expect(key.dq).toBe(key.d % (key.q - 1n));
    expect((key.qinv * key.q) % key.p).toBe(1n);
  });

  test('node:crypto imports it and verifies its signature; SPKI PEM of it is the public half', () => {
    const pem = privateKeyPkcs1Pem(key);
    expect(parseRsaPrivateKey(pem)).toEqual(key);
    const nodeKey = createPrivateKey(pem);
    const data = utf8Encode('signed by a throwaway key — não');
    const signature = signRs256(key, data);
    expect(verify('sha256', data, createPublicKey(publicKeySpkiPem(key)), signature)).toBe(true);
    expect(createPublicKey(nodeKey).export({ format: 'pem', type: 'spki' })).toBe(publicKeySpkiPem(key));
  });
});

test('two generated keys differ', () => {
  expect(generateRsaPrivateKey(1024).n).not.toBe(generateRsaPrivateKey(1024).n);
});

test('odd or tiny sizes are refused', () => {
  expect(() => generateRsaPrivateKey(1023)).toThrow(/even/);
  expect(() => generateRsaPrivateKey(256)).toThrow(/512/);
});

test('isProbablePrime: known primes pass; composites, Carmichael numbers and base-2 pseudoprimes fail', () => {
  const primes = [2n, 3n, 5n, 7n, 65537n, (1n << 127n) - 1n, (1n << 521n) - 1n, (1n << 607n) - 1n];
  for (const p of primes) expect(isProbablePrime(p, 8)).toBe(true);
  const carmichael = [561n, 1105n, 1729n, 41041n, 825265n, 321197185n];
  const base2Pseudoprimes = [341n, 2047n, 3277n, 4033n, 4681n]; // 2^(n-1) ≡ 1 mod n, yet composite
  const others = [0n, 1n, 4n, 9n, 1n << 64n, ((1n << 127n) - 1n) * ((1n << 89n) - 1n)];
  for (const n of [...carmichael, ...base2Pseudoprimes, ...others]) expect(isProbablePrime(n, 8)).toBe(false);
});
