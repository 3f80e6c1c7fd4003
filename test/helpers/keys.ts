/**
 * Real RSA keys generated at test time (never committed), memoised per test file to keep the suite quick.
 */
import { generateKeyPairSync, KeyObject } from 'node:crypto';

export interface TestKeyPair {
  bits: number;
  privateKey: KeyObject;
  publicKey: KeyObject;
  pkcs8Pem: string;
  pkcs1Pem: string;
  spkiPem: string;
}

const cache = new Map<number, TestKeyPair>();

export function testKeyPair(bits = 2048, fresh = false): TestKeyPair {
  const cached = cache.get(bits);
  if (cached && !fresh) return cached;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: 0x10001 });
  const pair: TestKeyPair = {
    bits,
    privateKey,
    publicKey,
    pkcs8Pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    pkcs1Pem: privateKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
    spkiPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
  if (!fresh) cache.set(bits, pair);
  return pair;
}

export const TEST_ISS = 'svctest@0a1b2c3d-0000-4000-8000-000000000001.iam.acesso.io';
