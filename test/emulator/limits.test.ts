/** Per-tenant rate limit (429) and lockout after invalid attempts (1.2.18). */
import { startEmulator } from '../../src/emulator';
import { emulatorSigningKey, otherTestKeyPair } from '../helpers/keys';
import { claims, exchange, HttpResult, issAt, PT, request, manualClock, signRs256, standardAccounts, startTestEmulator } from './support';

const otherKey = otherTestKeyPair().privateKey;

describe('rate limit', () => {
  test('default 10 per second per tenant: a burst of 30 gets 429 with Retry-After and a JSON body', async () => {
    const emulator = await startEmulator({ accounts: standardAccounts(), signingKey: emulatorSigningKey() });
    try {
      const assertions = Array.from({ length: 30 }, () => signRs256(claims(emulator.url)));
      const results = await Promise.all(assertions.map((a) => exchange(emulator.url, a)));
      const limited = results.filter((r) => r.status === 429);
      expect(results.every((r) => r.status === 200 || r.status === 429)).toBe(true);
      expect(limited.length).toBeGreaterThan(0);
      expect(limited[0].headers['retry-after']).toBe('1');
      expect(limited[0].json).toEqual({ error: 'too_many_requests', error_description: expect.stringContaining('rate limit') });
      expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(10);
    } finally {
      await emulator.close();
    }
  });

  test('counts per tenant and only on /oauth2/token', async () => {
    const otherTenantIss = issAt('svctest', 'ffff0000-0000-4000-8000-000000000003');
    const accounts = [...standardAccounts(), { iss: otherTenantIss, publicKey: standardAccounts()[0].publicKey }];
    const emulator = await startEmulator({ accounts, rateLimit: 2, signingKey: emulatorSigningKey() });
    try {
      const burst = await Promise.all(Array.from({ length: 8 }, () => exchange(emulator.url, signRs256(claims(emulator.url)))));
      expect(burst.some((r) => r.status === 429)).toBe(true);
      const otherTenant = await exchange(emulator.url, signRs256(claims(emulator.url, { iss: otherTenantIss })));
      expect(otherTenant.status).toBe(200);
      expect((await request(`${emulator.url}/.well-known/jwks.json`)).status).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  test('rateLimit 0 turns it off', async () => {
    const emulator = await startTestEmulator({ rateLimit: 0 });
    try {
      const results = await Promise.all(Array.from({ length: 30 }, () => exchange(emulator.url, signRs256(claims(emulator.url)))));
      expect(results.map((r) => r.status)).toEqual(Array(30).fill(200));
    } finally {
      await emulator.close();
    }
  });
});

describe('lockout', () => {
  const bad = (url: string) => exchange(url, signRs256(claims(url), otherKey));

  test('after lockoutAfter invalid attempts the account is locked (1.2.18) for lockoutSeconds, then usable again', async () => {
    const clock = manualClock();
    const emulator = await startTestEmulator({ lockoutAfter: 3, lockoutSeconds: 1, now: clock.now });
    try {
      for (let i = 0; i < 3; i += 1) expect((await bad(emulator.url)).json).toEqual(PT('1.2.21'));
      const locked = await exchange(emulator.url, signRs256(claims(emulator.url)));
      expect({ status: locked.status, body: locked.json }).toEqual({ status: 401, body: PT('1.2.18') });
      // Other accounts are not affected.
      expect((await exchange(emulator.url, signRs256(claims(emulator.url, { iss: issAt('second') })))).status).toBe(200);
      clock.advance(1100);
      expect((await exchange(emulator.url, signRs256(claims(emulator.url)))).status).toBe(200);
      expect(emulator.stats().invalidAttempts).toEqual({ [standardAccounts()[0].iss]: 3 });
    } finally {
      await emulator.close();
    }
  });

  test('a success resets the count of consecutive invalid attempts', async () => {
    const emulator = await startTestEmulator({ lockoutAfter: 3, lockoutSeconds: 60 });
    try {
      const statuses: number[] = [];
      for (const step of ['bad', 'bad', 'good', 'bad', 'bad', 'good']) {
        const result: HttpResult = step === 'bad' ? await bad(emulator.url) : await exchange(emulator.url, signRs256(claims(emulator.url)));
        statuses.push(result.status);
      }
      expect(statuses).toEqual([401, 401, 200, 401, 401, 200]);
    } finally {
      await emulator.close();
    }
  });

  test('off by default: 25 invalid attempts (more than one negative-suite run) do not lock the account', async () => {
    const emulator = await startTestEmulator();
    try {
      for (let i = 0; i < 25; i += 1) expect((await bad(emulator.url)).status).toBe(401);
      expect((await exchange(emulator.url, signRs256(claims(emulator.url)))).status).toBe(200);
    } finally {
      await emulator.close();
    }
  });
});
