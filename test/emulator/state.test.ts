/**
 * The emulator's pure pieces with explicit clocks: rate-limit windows, lockout, replay memory, JWT
 * splitting and log-line redaction. Deterministic: no sleeping, no wall clock.
 */
import { decodeCompactJwt } from '../../src/emulator/decode';
import { createLockout } from '../../src/emulator/lockout';
import { formatLogLine, safePath } from '../../src/emulator/log-line';
import { createRateLimiter } from '../../src/emulator/rate-limit';
import { createReplayGuard } from '../../src/emulator/replay';
import { startTestEmulator, request } from './support';

describe('rate limiter', () => {
  test('N per any 1 s window per bucket, then Retry-After; rejected requests do not count', () => {
    const limiter = createRateLimiter(3);
    const t0 = 1_000_000;
    expect([0, 10, 20].map((dt) => limiter.take('a', t0 + dt).allowed)).toEqual([true, true, true]);
    expect(limiter.take('a', t0 + 500)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('b', t0 + 500).allowed).toBe(true);
    expect(limiter.take('a', t0 + 999).allowed).toBe(false);
    expect(limiter.take('a', t0 + 1000).allowed).toBe(true); // the request at t0 left the window
    expect(limiter.take('a', t0 + 1001).allowed).toBe(false);
    expect(limiter.take('a', t0 + 1010).allowed).toBe(true);
  });

  test('0 is off', () => {
    const limiter = createRateLimiter(0);
    expect(Array.from({ length: 100 }, () => limiter.take('a', 5).allowed).every(Boolean)).toBe(true);
  });
});

describe('lockout', () => {
  test('locks after N consecutive failures for the given seconds, per account', () => {
    const lockout = createLockout(2, 10);
    lockout.recordFailure('a', 0);
    expect(lockout.isLocked('a', 1)).toBe(false);
    lockout.recordFailure('a', 2);
    expect(lockout.isLocked('a', 3)).toBe(true);
    expect(lockout.isLocked('b', 3)).toBe(false);
    expect(lockout.isLocked('a', 10_001)).toBe(true);
    expect(lockout.isLocked('a', 10_002)).toBe(false);
    lockout.recordFailure('a', 10_003); // the count started again after the lock
    expect(lockout.isLocked('a', 10_004)).toBe(false);
  });

  test('a success resets the count; 0 never locks', () => {
    const lockout = createLockout(2, 10);
    lockout.recordFailure('a', 0);
    lockout.recordSuccess('a');
    lockout.recordFailure('a', 1);
    expect(lockout.isLocked('a', 2)).toBe(false);
    const off = createLockout(0, 10);
    for (let i = 0; i < 100; i += 1) off.recordFailure('a', i);
    expect(off.isLocked('a', 100)).toBe(false);
  });
});

describe('replay guard', () => {
  test('each assertion once; live ones survive the sweep of expired ones', () => {
    const guard = createReplayGuard();
    expect(guard.useOnce('live', 10_000, 0)).toBe(true);
    expect(guard.useOnce('live', 10_000, 0)).toBe(false);
    for (let i = 0; i < 3000; i += 1) expect(guard.useOnce(`old-${i}`, 5, 100)).toBe(true);
    expect(guard.useOnce('live', 10_000, 100)).toBe(false);
    // A swept, expired assertion could be used again, but by then the emulator rejects it as expired (1.2.4).
    expect(guard.useOnce('old-0', 5, 100)).toBe(true);
  });
});

describe('decodeCompactJwt', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  test.each([
    ['two parts', `${b64({ alg: 'RS256' })}.${b64({})}`],
    ['four parts', `${b64({})}.${b64({})}.a.b`],
    ['base64 with padding', `${b64({})}=.${b64({})}.sig`],
    ['header an array', `${b64([1])}.${b64({})}.sig`],
    ['payload a string', `${b64({})}.${b64('x')}.sig`],
    ['empty header', `.${b64({})}.sig`],
  ])('%s → undefined', (_name, token) => {
    expect(decodeCompactJwt(token)).toBeUndefined();
  });

  test('a well-formed token with an empty signature decodes', () => {
    expect(decodeCompactJwt(`${b64({ alg: 'none' })}.${b64({ iss: 'x' })}.`)).toEqual({ header: { alg: 'none' }, payload: { iss: 'x' } });
  });
});

describe('log line', () => {
  test('redacts JWT-looking and long path segments and non-printable characters', () => {
    expect(safePath('/client/v1/process/eyJhbGciOi.eyJzdWIi.c2ln')).toBe('/client/v1/process/[redacted]');
    expect(safePath(`/x/${'a'.repeat(65)}`)).toBe('/x/[redacted]');
    expect(safePath('/processes/v1/0b0e7c1e-8f57-4cb4-9d3b-1d2a2b9e5a11')).toBe('/processes/v1/0b0e7c1e-8f57-4cb4-9d3b-1d2a2b9e5a11');
    expect(safePath('/a b\u0001')).toBe('/a?b?');
    expect(safePath(`/${'a/'.repeat(200)}`).length).toBeLessThanOrEqual(201);
  });

  test('status, code and reason', () => {
    expect(formatLogLine('POST', '/oauth2/token', { status: 401, code: '1.2.4', reason: 'expired' })).toBe('POST /oauth2/token 401 1.2.4 (expired)');
    expect(formatLogLine('GET', '/x', { status: 404, code: 'process_not_found', reason: 'process_not_found' })).toBe('GET /x 404 process_not_found');
  });
});

test('a log callback that throws does not stop the emulator', async () => {
  const emulator = await startTestEmulator({
    log: () => {
      throw new Error('log sink broken');
    },
  });
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    expect((await request(`${emulator.url}/.well-known/jwks.json`)).status).toBe(200);
    expect((await request(`${emulator.url}/.well-known/jwks.json`)).status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    await emulator.close();
  }
});
