/**
 * Jest's global setup and teardown: the shared test key pair (RSA 2048, node:crypto) is generated once per
 * `jest` run, at test time, instead of once per test file (~0.1 s each, in ~45 files). It is kept in a 0600
 * file in a fresh temp folder, named by IDCLOUD_TEST_KEY_POOL (helpers/cli.ts never passes IDCLOUD_* variables to
 * the CLI under test), and removed at the end. helpers/keys.ts reads it; without it (a test file run by other
 * means) each file generates its own, as before.
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const KEY_POOL_VARIABLE = 'IDCLOUD_TEST_KEY_POOL';

export function setUpKeyPool(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-test-keys-'));
  const file = path.join(dir, 'rsa-2048.pkcs8.pem');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  fs.writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  process.env[KEY_POOL_VARIABLE] = file;
}

export function tearDownKeyPool(): void {
  const file = process.env[KEY_POOL_VARIABLE];
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
