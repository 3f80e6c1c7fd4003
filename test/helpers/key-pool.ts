/**
 * Jest's global setup and teardown: the run's shared test keys (RSA, node:crypto), generated once per `jest`
 * run, at test time, instead of in each test file that needs them. Each is a 0600 file in a fresh temp
 * folder named by IDCLOUD_TEST_KEY_POOL (helpers/cli.ts never passes IDCLOUD_* variables to the CLI under
 * test), removed at the end. They are generated concurrently (node:crypto's generateKeyPair works off the main
 * thread), so the 4096-bit one costs the run about the time of one key, once.
 * helpers/keys.ts reads them; without the pool (a test file run by other means) each file generates its own.
 */
import { generateKeyPair } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const KEY_POOL_VARIABLE = 'IDCLOUD_TEST_KEY_POOL';

/**
 * The pooled keys by name: the test account's pair in each size the tests use, the emulators' signing key, and
 * another 2048-bit pair that is none of those (a key the account does not have: helpers/keys.ts otherTestKeyPair).
 */
export const POOLED_KEYS = {
  'rsa-2048': 2048,
  'rsa-3072': 3072,
  'rsa-4096': 4096,
  'emulator-signing': 2048,
  'other-2048': 2048,
} as const;
export type PooledKeyName = keyof typeof POOLED_KEYS;

/** The folder of the pool, or undefined outside a jest run with the global setup. */
export function keyPoolDir(): string | undefined {
  const dir = process.env[KEY_POOL_VARIABLE];
  return dir && fs.existsSync(dir) ? dir : undefined;
}

export function pooledKeyFile(dir: string, name: PooledKeyName): string {
  return path.join(dir, `${name}.pkcs8.pem`);
}

export async function setUpKeyPool(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-test-keys-'));
  await Promise.all(
    Object.entries(POOLED_KEYS).map(async ([name, bits]) => {
      const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: bits, publicExponent: 0x10001 });
      fs.writeFileSync(pooledKeyFile(dir, name as PooledKeyName), privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    }),
  );
  process.env[KEY_POOL_VARIABLE] = dir;
}

export function tearDownKeyPool(): void {
  const dir = process.env[KEY_POOL_VARIABLE];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
