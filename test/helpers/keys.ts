/**
 * Real RSA keys generated at test time (never committed), memoised per test file to keep the suite quick; the
 * 2048-, 3072- and 4096-bit pairs, the other 2048-bit pair and the emulators' signing key are generated once per
 * jest run (helpers/key-pool.ts) and shared by every file.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { keyPoolDir, pooledKeyFile, PooledKeyName } from './key-pool';

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
  const pair = testPair(bits, (!fresh && pooledPair(`rsa-${bits}`)) || generatedPair(bits));
  if (!fresh) cache.set(bits, pair);
  return pair;
}

function testPair(bits: number, { privateKey, publicKey }: { privateKey: KeyObject; publicKey: KeyObject }): TestKeyPair {
  return {
    bits,
    privateKey,
    publicKey,
    pkcs8Pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    pkcs1Pem: privateKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
    spkiPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

let other: TestKeyPair | undefined;

/**
 * A 2048-bit pair that is not the test account's (testKeyPair()) nor the emulators' signing key: a key the
 * account does not have, an injected "other" key, a public key no test signs with. Shared by the jest run
 * (helpers/key-pool.ts); use testKeyPair(bits, true) where a freshly generated key is the point.
 */
export function otherTestKeyPair(): TestKeyPair {
  other ??= testPair(2048, pooledPair('other-2048') ?? generatedPair(2048));
  return other;
}

/** A pair generated now (what the pool holds when jest's global setup made one). */
function generatedPair(bits: number): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: 0x10001 });
}

/** The run's shared pair of that name, when jest's global setup made one. */
function pooledPair(name: string): { privateKey: KeyObject; publicKey: KeyObject } | undefined {
  const privateKey = pooledKey(name);
  return privateKey && { privateKey, publicKey: createPublicKey(privateKey) };
}

function pooledKey(name: string): KeyObject | undefined {
  const dir = keyPoolDir();
  const file = dir && pooledKeyFile(dir, name as PooledKeyName);
  return file && fs.existsSync(file) ? createPrivateKey(fs.readFileSync(file, 'utf8')) : undefined;
}

let signingKey: KeyObject | undefined;

/**
 * The private key every test emulator signs its access tokens with (EmulatorOptions.signingKey): one per jest
 * run instead of a fresh one per emulator start. Emulators still never accept each other's tokens: the issuer
 * (their URL) differs.
 */
export function emulatorSigningKey(): KeyObject {
  signingKey ??= pooledKey('emulator-signing') ?? generatedPair(2048).privateKey;
  return signingKey;
}

export const TEST_ISS = 'svctest@0a1b2c3d-0000-4000-8000-000000000001.iam.acesso.io';
