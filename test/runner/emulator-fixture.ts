/**
 * Real emulators for end-to-end tests of `run`/`demo`: one test account (key generated at test time),
 * its key written to a temp file, the emulator on 127.0.0.1:0.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../src/emulator';
import type { EmulatorFlaw } from '../../src/emulator/flaws';
import type { AccountStatus, RunningEmulator } from '../../src/emulator';
import { TEST_ISS, testKeyPair } from '../helpers/keys';

export const TEST_API_KEY = 'apikey-e2e-4c1f9a7d2b6e';

export interface TestAccount {
  iss: string;
  pem: string;
  keyFile: string;
  apiKey: string;
  dir: string;
  cleanup(): void;
}

/** The shared test key (PKCS#8) in a fresh temp folder. */
export function testAccount(): TestAccount {
  const key = testKeyPair();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-e2e-'));
  const keyFile = path.join(dir, 'svc.key.pem');
  fs.writeFileSync(keyFile, key.pkcs8Pem, { mode: 0o600 });
  return { iss: TEST_ISS, pem: key.pkcs8Pem, keyFile, apiKey: TEST_API_KEY, dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface EmulatorFixtureOptions {
  flaws?: EmulatorFlaw[];
  status?: AccountStatus;
  /** Register a different public key than the account's: every exchange is a bad signature (401). */
  wrongPublicKey?: boolean;
}

export function startTestEmulator(account: TestAccount, opts: EmulatorFixtureOptions = {}): Promise<RunningEmulator> {
  const publicKey = opts.wrongPublicKey ? testKeyPair(2048, true).spkiPem : testKeyPair().spkiPem;
  return startEmulator({
    accounts: [{ iss: account.iss, publicKey, apiKey: account.apiKey, status: opts.status ?? 'active' }],
    port: 0,
    flaws: opts.flaws,
  });
}

/** The summary-table row of one environment, parsed from the CLI's stdout. */
export function summaryRow(stdout: string, envName: string): { requests: number; passed: number; failed: number; invalid: number; verdict: string } | undefined {
  const match = new RegExp(`^${envName}\\s+\\S+\\s+(?:\\d+ ms|-)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)\\s*$`, 'm').exec(stdout);
  if (!match) return undefined;
  return { requests: Number(match[1]), passed: Number(match[2]), failed: Number(match[3]), invalid: Number(match[4]), verdict: match[5] };
}
