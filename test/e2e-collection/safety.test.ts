/**
 * Lockout safety and rate limits inside the collection, against the real emulator: invalid attempts are bounded
 * by max_invalid_attempts, the first 1.2.18 stops the run, and 429s are retried after Retry-After.
 */
import { FOLDERS } from '../../src/collection';
import { negativeCaseDoc } from '../../src/suites/case-docs';
import { NEGATIVE_CASES } from '../../src/suites/cases';
import { runNewman } from '../helpers/postman-runtimes';
import { rateLimitClock } from '../helpers/emulator';
import { TEST_ISS } from '../helpers/keys';
import { onlyFolders, onlyRequests, RATE_LIMITED, setUp } from './support';

test.concurrent('Token errors sends at most max_invalid_attempts invalid attempts and says it skipped the rest', async () => {
  const { emulator, files, envValues } = await setUp({}, { max_invalid_attempts: '5' });
  try {
    const result = await runNewman(onlyFolders(files.collection, [FOLDERS.tokenErrors]), { envValues });
    expect(result.failures).toEqual([]);
    // Every one reached the token endpoint and was refused (the unknown-tenant case counts at no account).
    expect(emulator.stats().tokenErrors).toBe(5);
    const skipped = result.consoleLogs.filter((l) => l.includes('skipped, max_invalid_attempts (5) reached'));
    expect(skipped).toHaveLength(NEGATIVE_CASES.length - 5);
    expect(result.responses.map((r) => r.item).filter((name) => name !== '')).toEqual(NEGATIVE_CASES.slice(0, 5).map((c) => negativeCaseDoc(c.id).name));
  } finally {
    await emulator.close();
  }
});

test.concurrent('the first 1.2.18 stops the run with a failing test "account locked (1.2.18): stopping"', async () => {
  const { emulator, files, envValues } = await setUp({ lockoutAfter: 3 });
  try {
    const result = await runNewman(files.collection, { envValues });
    const locked = result.failures.filter((f) => f.name === 'account locked (1.2.18): stopping');
    expect(locked).toHaveLength(1);
    expect(locked[0].message).toMatch(/^account locked \(1\.2\.18\): stopping: 1\.2\.18 \(the account is temporarily locked/);
    // Nothing is sent after the locked answer: no API request, no further invalid attempt.
    const sent = result.responses.map((r) => r.item);
    expect(sent.indexOf(locked[0].item)).toBe(sent.length - 1);
    expect(sent.some((name) => name.startsWith('By '))).toBe(false);
    expect(emulator.stats().invalidAttempts[TEST_ISS]).toBe(3);
  } finally {
    await emulator.close();
  }
});

test.concurrent('rate limiting (429) is retried after Retry-After, without counting extra invalid attempts', async () => {
  const { emulator, files, envValues } = await setUp({ rateLimit: RATE_LIMITED.perSecond, ...rateLimitClock() });
  try {
    const result = await runNewman(onlyRequests(files.collection, RATE_LIMITED.requests), { envValues });
    expect(result.failures).toEqual([]);
    expect(result.responses.some((r) => r.code === 429)).toBe(true);
    expect(result.consoleLogs.some((l) => l.startsWith('IDCloud: rate limited (429)'))).toBe(true);
    // Every request was answered in the end (a 429 is retried, not counted as the request's answer).
    expect([...new Set(result.responses.filter((r) => r.code !== 429 && r.item !== '').map((r) => r.item))]).toEqual([...RATE_LIMITED.requests]);
    // One invalid attempt per negative case, however many 429s came first (the unknown-tenant case counts at no account).
    expect(emulator.stats().invalidAttempts[TEST_ISS]).toBe(RATE_LIMITED.requests.length - 2);
  } finally {
    await emulator.close();
  }
});
