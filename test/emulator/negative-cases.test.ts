/**
 * Every case of the `Token errors` table, built by the sandbox's own mutation tools (the real signer, RS512 and
 * PS256 included), sent to the strict emulator: each is rejected as the case expects (suites/outcome.ts judges),
 * so the emulator and the table agree on every code choice (src/emulator/README.md).
 */
import type { RunningEmulator } from '../../src/emulator';
import { parseRsaPrivateKey } from '../../src/sandbox/crypto';
import { mutationTools, validAssertionParts } from '../../src/sandbox/script/mutations';
import { NEGATIVE_CASES } from '../../src/suites/cases';
import { judgeRejection } from '../../src/suites/outcome';
import { otherTestKeyPair, TEST_ISS, testKeyPair } from '../helpers/keys';
import { exchange, nowSeconds, startTestEmulator } from './support';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

const other = otherTestKeyPair().pkcs1Pem;
const tools = () => mutationTools(parseRsaPrivateKey(testKeyPair().pkcs8Pem), 'https://identity.acesso.io', () => parseRsaPrivateKey(other));
const formCases = NEGATIVE_CASES.filter((c) => c.body === 'form' && !c.replay);

test.each(formCases.map((c) => [c.id, c] as const))('%s: rejected by the strict emulator as the case expects', async (_id, c) => {
  const iat = nowSeconds();
  const { header, claims } = validAssertionParts(TEST_ISS, emulator.url, { iat, exp: iat + 3000 - formCases.indexOf(c) });
  const result = await exchange(emulator.url, c.build(header, claims, tools()));
  const failures = judgeRejection({ ...c.expect, subject: c.subject }, result.status, result.text).filter((check) => check.failure);
  expect(failures).toEqual([]);
  expect(result.status).toBe(401);
});
