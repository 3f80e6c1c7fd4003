/**
 * The sandbox primitives of the algorithm negative cases, against node:crypto: SHA-512 byte for byte, RS512
 * byte for byte (PKCS#1 v1.5 is deterministic), PS256 verified by node:crypto (its salt is random), and the
 * public JWK equal to node's export. Also: none of them enters the RS256 signer (script-size.test.ts).
 */
import { constants, createHash, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { parseRsaPrivateKey, rsaPublicJwk, sha512, signPs256, signRs512 } from '../../../src/sandbox/crypto';
import { fractionalRootBits, firstPrimes } from '../../../src/sandbox/crypto/root-bits';
import { testKeyPair } from '../../helpers/keys';

test.each([0, 1, 111, 112, 127, 128, 129, 239, 240, 1000])('sha512 of %i random bytes equals node:crypto', (n) => {
  const data = randomBytes(n);
  expect(Buffer.from(sha512(data)).toString('hex')).toBe(createHash('sha512').update(data).digest('hex'));
});

test('the SHA-2 constants from their definition: known first and last values', () => {
  expect(firstPrimes(80)[79]).toBe(409);
  expect(fractionalRootBits(2, 3, 64).toString(16)).toBe('428a2f98d728ae22'); // SHA-512 K[0]
  expect(fractionalRootBits(409, 3, 64).toString(16)).toBe('6c44198c4a475817'); // SHA-512 K[79]
  expect(fractionalRootBits(19, 2, 64).toString(16)).toBe('5be0cd19137e2179'); // SHA-512 H0[7]
  expect(fractionalRootBits(2, 3, 32).toString(16)).toBe('428a2f98'); // SHA-256 K[0]
});

describe.each([2048, 3072])('%i-bit key', (bits) => {
  const pair = bits === 2048 ? testKeyPair() : generateKeyPairSync('rsa', { modulusLength: bits });
  const pem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  const key = parseRsaPrivateKey(pem);
  const message = Buffer.from('eyJhbGciOiJSUzUxMiJ9.eyJpc3MiOiJ4In0');

  test('RS512 is byte-identical to node:crypto', () => {
    expect(Buffer.from(signRs512(key, message)).equals(sign('sha512', message, pair.privateKey))).toBe(true);
  });
  test('PS256 verifies with node:crypto (PSS, SHA-256, 32-byte salt); two signatures differ', () => {
    const first = Buffer.from(signPs256(key, message));
    const second = Buffer.from(signPs256(key, message));
    const pss = { key: pair.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
    expect(verify('sha256', message, pss, first)).toBe(true);
    expect(verify('sha256', message, pss, second)).toBe(true);
    expect(first.equals(second)).toBe(false);
    expect(verify('sha256', Buffer.from('other'), pss, first)).toBe(false);
  });
  test('the public JWK equals node:crypto\'s export', () => {
    expect(rsaPublicJwk(key)).toEqual(pair.publicKey.export({ format: 'jwk' }));
  });
});

test('a modulus of 2047 bits (emLen one byte short) still gives a verifying PS256 signature', () => {
  let pair;
  do pair = generateKeyPairSync('rsa', { modulusLength: 2047 });
  while (false);
  const key = parseRsaPrivateKey(pair.privateKey.export({ format: 'pem', type: 'pkcs1' }) as string);
  const message = Buffer.from('a.b');
  expect(verify('sha256', message, { key: pair.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, Buffer.from(signPs256(key, message)))).toBe(true);
});
