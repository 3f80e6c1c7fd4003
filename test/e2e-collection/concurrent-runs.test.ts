/**
 * Runs that cannot see each other sign in the same second all the time (a CI matrix, back-to-back runs, two
 * environments of one account in parallel). RS256 is deterministic and Unico forbids jti, so only a varied exp
 * keeps their assertions apart (src/idcloud/claims.ts): two full runs of one account, started together against
 * one emulator, must both pass — no "Replayed assertion" refusal of a valid assertion.
 */
import { generateKeyPairSync } from 'node:crypto';
import { API_CASES, UNKNOWN_PROCESS_ID } from '../../src/suites/api';
import { apiCaseName } from '../../src/suites/api-docs';
import { INJECTED_VARIABLES } from '../../src/suites/variables';
import { runNewman, RunResult } from '../helpers/postman-runtimes';
import { setUp } from './support';

/**
 * The create's answered id must be what the read asked for, and the read found it (200, not 404). A create
 * whose body the emulator refuses (400: the API folder's empty body names no required field) leaves no id,
 * and the read asks for the unknown id instead (404): both prove the token was accepted.
 */
function expectReadOfCreated(result: RunResult, product: 'unico' | 'client'): void {
  const create = API_CASES.find((c) => c.id === `api-${product}-create`)!;
  const read = API_CASES.find((c) => c.id === `api-${product}-read`)!;
  const created = result.responses.find((r) => r.item === apiCaseName(create))!;
  const readBack = result.responses.find((r) => r.item === apiCaseName(read))!;
  if (created.code === 400) {
    expect(readBack.url.endsWith(`/${UNKNOWN_PROCESS_ID}`)).toBe(true);
    expect(readBack.code).toBe(404);
    return;
  }
  expect(created.code).toBe(200);
  const body = JSON.parse(created.body);
  const id = (body.process?.id ?? body.id) as string;
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
