/**
 * Runs that cannot see each other sign in the same second all the time (a CI matrix, back-to-back runs, two
 * environments of one account in parallel). RS256 is deterministic and Unico forbids jti, so only a varied exp
 * keeps their assertions apart (src/idcloud/claims.ts): two full runs of one account, started together against
 * one emulator, must both pass — no "Replayed assertion" refusal of a valid assertion.
 */
import { generateKeyPairSync } from 'node:crypto';
import { API_CASES, ApiCase } from '../../src/suites/api';
import { createdId } from '../../src/suites/outcome';
import { apiCaseName } from '../../src/suites/api-docs';
import { INJECTED_VARIABLES } from '../../src/suites/variables';
import { runNewman, RunResult } from '../helpers/postman-runtimes';
import { setUp } from './support';

/** The create's answered id must be what the read asked for, and the read found it (200, not 404). */
function expectReadOfCreated(result: RunResult, product: 'unico' | 'client'): void {
  const [create, read] = product === 'unico' ? ['CreateProcess', 'GetProcess'] : ['CreateClientProcess', 'GetClientProcess'];
  expectReadOf(result, API_CASES.find((c) => c.id === `api-${create}-valid`)!, API_CASES.find((c) => c.id === `api-${read}-valid`)!);
}

function expectReadOf(result: RunResult, create: ApiCase, read: ApiCase): void {
  const created = result.responses.find((r) => r.item === apiCaseName(create))!;
  const readBack = result.responses.find((r) => r.item === apiCaseName(read))!;
  expect(created.code).toBe(200);
  const id = createdId(JSON.parse(created.body))!;
  expect(readBack.url.endsWith(`/${id}`)).toBe(true);
  expect(readBack.code).toBe(200);
}

test('two full runs of the same account started together both pass, one with an injected other key', async () => {
  const { emulator, files, envValues } = await setUp();
  try {
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const [plain, injected] = await Promise.all([
      runNewman(files.collection, { envValues, timeoutMs: 120_000 }),
      runNewman(files.collection, { envValues: { ...envValues, [INJECTED_VARIABLES.otherPrivateKey]: otherKey }, timeoutMs: 120_000 }),
    ]);
    expect(plain.failures).toEqual([]);
    expect(injected.failures).toEqual([]);
    for (const result of [plain, injected]) {
      expect(result.assertions).toBeGreaterThan(0);
      expectReadOfCreated(result, 'unico');
      expectReadOfCreated(result, 'client');
    }
    // The secret the runner injects is never printed by the scripts.
    expect(injected.consoleLogs.join('\n')).not.toContain(otherKey.split('\n')[1]);
  } finally {
    await emulator.close();
  }
}, 150_000);
