/**
 * The one way tests start an IDCloud server: the project's real emulator (src/emulator) on 127.0.0.1:0.
 * Defaults: one active account — TEST_ISS, the test key pair generated at test time (helpers/keys.ts) and
 * TEST_API_KEY — and the rate limit off, so that runs not about 429s do not wait out Retry-After (the tests
 * that are about them set `rateLimit`), and the run's shared signing key (helpers/keys.ts emulatorSigningKey)
 * instead of a fresh one generated at each start. Every other emulator option (flaws, outage, clockOffsetSeconds,
 * tokenLifetimeSeconds, lockoutAfter, …) passes through.
 *
 * Two stand-ins remain, each for what the emulator deliberately never does: test/exchange/token-server.ts
 * answers a script of arbitrary replies (any status, body and header in any order), and test/runner/fixtures.ts
 * issues tokens to a collection that signs nothing, so that the runner is tested knowing nothing of Unico.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator, EmulatorAccount, EmulatorOptions, RunningEmulator } from '../../src/emulator';
import { emulatorSigningKey, otherTestKeyPair, TEST_ISS, testKeyPair } from './keys';

export const TEST_API_KEY = 'apikey-e2e-4c1f9a7d2b6e';

export interface TestEmulatorOptions extends Partial<EmulatorOptions> {
  /** Fields of the default account to change (not used when `accounts` is given). */
  account?: Partial<EmulatorAccount>;
  /** Register another key's public key (helpers/keys.ts otherTestKeyPair) instead of the test key's: every exchange is a bad signature (401). */
  wrongPublicKey?: boolean;
}

/** The default account: TEST_ISS with the test key (or another key) and TEST_API_KEY. */
export function testEmulatorAccount(options: Pick<TestEmulatorOptions, 'account' | 'wrongPublicKey'> = {}): EmulatorAccount {
  const publicKey = options.wrongPublicKey ? otherTestKeyPair().spkiPem : testKeyPair().spkiPem;
  return { iss: TEST_ISS, publicKey, apiKey: TEST_API_KEY, ...options.account };
}

export function startTestEmulator(options: TestEmulatorOptions = {}): Promise<RunningEmulator> {
  const { account, wrongPublicKey, accounts, ...emulatorOptions } = options;
  return startEmulator({ port: 0, rateLimit: 0, signingKey: emulatorSigningKey(), ...emulatorOptions, accounts: accounts ?? [testEmulatorAccount({ account, wrongPublicKey })] });
}

/**
 * A clock for an emulator with a rate limit (EmulatorOptions `now` and `log`), under which its 429s do not depend
 * on the machine's speed: between two readings it advances at most `stepMs`, so a run's token requests fall in
 * one rate-limit window however slowly a loaded machine sends them (the limit is met), and it jumps one second
 * (the window) when a 429 is answered, so the retry the collection sends after Retry-After falls in a fresh
 * window, as it would in real time. It falls behind the real clock by about the time the run takes, well within
 * the emulator's clock skew for iat.
 */
export function rateLimitClock(stepMs = 20): Pick<EmulatorOptions, 'now' | 'log'> {
  let real = Date.now();
  let emulated = real;
  return {
    now: () => {
      const t = Date.now();
      emulated += Math.min(Math.max(t - real, 0), stepMs);
      real = t;
      return emulated;
    },
    log: (line) => {
      if (line.split(' ')[2] === '429') emulated += 1000;
    },
  };
}

/** Start one, run `body`, close it whatever happens. */
export async function withTestEmulator<T>(options: TestEmulatorOptions, body: (emulator: RunningEmulator) => Promise<T>): Promise<T> {
  const emulator = await startTestEmulator(options);
  try {
    return await body(emulator);
  } finally {
    await emulator.close();
  }
}

/** A loopback port on which nothing listens (bound, then released): connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function closedPortUrl(): Promise<string> {
  return `http://127.0.0.1:${await closedPort()}`;
}
