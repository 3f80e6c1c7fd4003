/** startEmulator's option checks: each bad option is an InputError naming the option and its CLI flag. */
import { EXIT, IdcloudPostmanError } from '../../src/errors';
import { EmulatorOptions, startEmulator } from '../../src/emulator';
import { emulatorSigningKey, testKeyPair, TEST_ISS } from '../helpers/keys';
import { claims, exchange, request, signRs256 } from './support';

const accounts = () => [{ iss: TEST_ISS, publicKey: testKeyPair().spkiPem }];

test.each<[string, Partial<EmulatorOptions>, RegExp]>([
  ['port out of range', { port: 70000 }, /^port \(--port\): "70000" must be a whole number from 0 to 65535$/],
  ['fractional port', { port: 1.5 }, /^port \(--port\)/],
  ['zero token lifetime', { tokenLifetimeSeconds: 0 }, /^tokenLifetimeSeconds \(--token-lifetime\)/],
  ['negative lockout', { lockoutAfter: -1 }, /^lockoutAfter \(--lockout-after\)/],
  ['zero lockout seconds', { lockoutSeconds: 0 }, /^lockoutSeconds \(--lockout-seconds\)/],
  ['negative rate limit', { rateLimit: -5 }, /^rateLimit \(--rate-limit\)/],
  ['NaN clock skew', { clockSkewSeconds: NaN }, /^clockSkewSeconds \(--clock-skew\)/],
  ['unknown lang', { lang: 'es' as 'pt' }, /^lang \(--lang\): "es" is not pt or en$/],
  ['unknown flaw', { flaws: ['accept-everything' as never] }, /^flaws \(--flaw\): "accept-everything" is not a flaw; use one of accept-expired/],
  ['no accounts', { accounts: [] }, /accounts: give at least one account/],
  ['publicKey neither PEM text nor a file', { accounts: [{ iss: TEST_ISS, publicKey: 'not a pem and not a file' }] }, /accounts\[0\]\.publicKey: cannot read/],
  ['a host address this machine does not have', { host: '203.0.113.7' }, /cannot listen on 203\.0\.113\.7:0 .*check --host and --port/],
  ['a public key as the signing key', { signingKey: testKeyPair().publicKey }, /^signingKey: give an RSA private key/],
  ['a clock that is not a function', { now: 5 as unknown as () => number }, /^now: must be a function/],
])('%s → InputError, exit 2', async (_name, options, message) => {
  const error = await startEmulator({ accounts: accounts(), ...options }).then(
    async (running) => {
      await running.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IdcloudPostmanError);
  expect((error as IdcloudPostmanError).exitCode).toBe(EXIT.BAD_INPUT);
  expect((error as Error).message).toMatch(message);
});

test('signingKey: the JWKS publishes that key; without it each start has a key of its own', async () => {
  const given = testKeyPair().privateKey;
  const [withKey, fresh1, fresh2] = await Promise.all([
    startEmulator({ accounts: accounts(), signingKey: given }),
    startEmulator({ accounts: accounts() }),
    startEmulator({ accounts: accounts() }),
  ]);
  try {
    const modulus = async (url: string) => ((await request(`${url}/.well-known/jwks.json`)).json as { keys: { n: string }[] }).keys[0].n;
    expect(await modulus(withKey.url)).toBe(testKeyPair().publicKey.export({ format: 'jwk' }).n);
    expect(await modulus(fresh1.url)).not.toBe(await modulus(fresh2.url));
  } finally {
    await Promise.all([withKey, fresh1, fresh2].map((e) => e.close()));
  }
});

test('host localhost: url names localhost, and both loopback spellings are accepted as aud', async () => {
  const emulator = await startEmulator({ accounts: accounts(), host: 'localhost', rateLimit: 0, signingKey: emulatorSigningKey() });
  try {
    expect(emulator.url).toBe(`http://localhost:${emulator.port}`);
    for (const aud of [`http://127.0.0.1:${emulator.port}`, `http://localhost:${emulator.port}`]) {
      expect((await exchange(emulator.url, signRs256(claims(aud)))).status).toBe(200);
    }
    expect((await exchange(emulator.url, signRs256(claims(`http://localhost:${emulator.port + 1}`)))).status).toBe(401);
  } finally {
    await emulator.close();
  }
});

test('close() returns while a keep-alive client still holds a connection', async () => {
  const http = await import('node:http');
  const emulator = await startEmulator({ accounts: accounts(), signingKey: emulatorSigningKey() });
  const agent = new http.Agent({ keepAlive: true });
  await new Promise((resolve) => http.get(`${emulator.url}/.well-known/jwks.json`, { agent }, (res) => res.resume().on('end', resolve)));
  await emulator.close();
  agent.destroy();
  await expect(request(`${emulator.url}/.well-known/jwks.json`)).rejects.toThrow();
});
