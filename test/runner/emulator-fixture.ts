/**
 * For end-to-end tests of `run`: the test account (key generated at test time) with its key written to a temp
 * file, as the CLI reads it (the emulator for it: helpers/emulator.ts), and the summary table parsed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningEmulator } from '../../src/emulator';
import { startTestEmulator, TEST_API_KEY, TestEmulatorOptions } from '../helpers/emulator';
import { TEST_ISS, testKeyPair } from '../helpers/keys';

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

/**
 * A test file's account and emulators: the account made when the file loads, and every emulator `emulator()`
 * started, closed after the file's last test (with the account's temp folder).
 */
export function useAccountAndEmulators(): { account: TestAccount; emulator(options?: TestEmulatorOptions): Promise<RunningEmulator> } {
  const account = testAccount();
  const emulators: RunningEmulator[] = [];
  afterAll(async () => {
    await Promise.all(emulators.map((e) => e.close()));
    account.cleanup();
  });
  return {
    account,
    async emulator(options) {
      const e = await startTestEmulator(options);
      emulators.push(e);
      return e;
    },
  };
}

/** The summary-table row of one environment, parsed from the CLI's stdout. */
export function summaryRow(stdout: string, envName: string): { requests: number; passed: number; failed: number; skipped: number; invalid: number; verdict: string } | undefined {
  const match = new RegExp(`^${envName}\\s+\\S+\\s+(?:\\d+ ms|-)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\S+(?: \\S+)?)\\s*$`, 'm').exec(stdout);
  if (!match) return undefined;
  return { requests: Number(match[1]), passed: Number(match[2]), failed: Number(match[3]), skipped: Number(match[4]), invalid: Number(match[5]), verdict: match[6] };
}
