/**
 * Runs that cannot see each other sign in the same second all the time (a CI matrix, back-to-back runs, two
 * environments of one account in parallel). RS256 is deterministic and Unico forbids jti, so only a varied exp
 * keeps their assertions apart (src/idcloud/claims.ts): two runs of one account, started together against
 * one emulator, must both pass — no "Replayed assertion" refusal of a valid assertion. Started side by side by
 * one process (as the runner starts environments, and runNewman as it does), each signs in its own exp lane,
 * so that a collision is impossible, not merely rare (it was about 1 in 900 per pair in the same second).
 *
 * The replay check comes last (src/emulator/token-exchange.ts), so only a valid assertion can be refused as a
 * replay: the runs are every request that sends one — Token, the whole API folder (the auth layer's exchange)
 * and the replay case's first use — plus the cases that sign with the injected other key.
 */
import { API_CASES, ApiCase } from '../../src/suites/api';
import { createdId } from '../../src/suites/outcome';
import { apiCaseName } from '../../src/suites/api-docs';
import { INJECTED_VARIABLES } from '../../src/suites/variables';
import { otherTestKeyPair } from '../helpers/keys';
import { runNewman, RunResult } from '../helpers/postman-runtimes';
import { FOLDERS } from '../../src/collection';
import { negativeCaseDoc } from '../../src/suites/case-docs';
import { onlyRequests, setUp } from './support';

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

/** The requests whose assertions are valid, and those signed with the other key. */
function validAssertionRequests(collection: object): object {
  const c = collection as { item: { name: string; item: { name: string }[] }[] };
  const whole = (folder: string) => c.item.find((f) => f.name === folder)!.item.map((r) => r.name);
  const cases = ['replay', 'signature-other-key', 'jwk-embedded', 'jku-unresolvable'].map((id) => negativeCaseDoc(id).name);
  return onlyRequests(collection, [...whole(FOLDERS.token), ...cases, ...whole(FOLDERS.api)]);
}

test('two runs of the same account started together both pass (every valid assertion), one with an injected other key', async () => {
  const { emulator, files, envValues } = await setUp();
  const collection = validAssertionRequests(files.collection);
  try {
    const otherKey = otherTestKeyPair().pkcs8Pem;
    const [plain, injected] = await Promise.all([
      runNewman(collection, { envValues }),
      runNewman(collection, { envValues: { ...envValues, [INJECTED_VARIABLES.otherPrivateKey]: otherKey } }),
    ]);
    expect(plain.failures).toEqual([]);
    expect(injected.failures).toEqual([]);
    for (const result of [plain, injected]) {
      expect(result.assertions).toBeGreaterThan(0);
      expectReadOfCreated(result, 'unico');
      expectReadOfCreated(result, 'client');
    }
    // Both sent the replay case's valid first use, and the other key's cases.
    for (const result of [plain, injected]) expect(result.responses.filter((r) => r.item === negativeCaseDoc('replay').name).length).toBeGreaterThan(0);
    // The secret the runner injects is never printed by the scripts.
    expect(injected.consoleLogs.join('\n')).not.toContain(otherKey.split('\n')[1]);
  } finally {
    await emulator.close();
  }
});
