/**
 * exchangeToken against the project's real emulator (src/emulator): the Node-side exchange and the
 * emulator agree on Unico's rules, and refusals are explained from Unico's error table.
 */
import { loadCredentials } from '../../src/credentials';
import { startEmulator, RunningEmulator } from '../../src/emulator';
import { resolveEnvironments } from '../../src/environments';
import { exchangeToken, TokenExchangeError } from '../../src/exchange';
import { BAD_SIGNATURE_CODES } from '../../src/idcloud';
import { emulatorSigningKey, otherTestKeyPair, testKeyPair } from '../helpers/keys';
import { makeCorpus } from '../credentials/corpus';

const pair = testKeyPair(2048);
const corpus = makeCorpus();
const TENANT = '0a1b2c3d-0000-4000-8000-000000000002';
const iss = (account: string) => `${account}@${TENANT}.iam.acesso.io`;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({
    accounts: [
      { iss: iss('active'), publicKey: pair.spkiPem },
      { iss: iss('revoked'), publicKey: pair.spkiPem, status: 'key-revoked' },
      { iss: iss('otherkey'), publicKey: otherTestKeyPair().spkiPem },
    ],
    rateLimit: 0,
    signingKey: emulatorSigningKey(),
  });
});
afterAll(() => emulator?.close());

const env = () => resolveEnvironments([`emu=${emulator.url}`])[0];
const credsFor = (account: string) => loadCredentials({ iss: iss(account), key: corpus.goodKey });

async function refusal(account: string): Promise<TokenExchangeError> {
  try {
    await exchangeToken(credsFor(account), env());
  } catch (error) {
    return error as TokenExchangeError;
  }
  throw new Error('expected a refusal');
}

describe('exchangeToken against the emulator', () => {
  test('an active account gets a token; back-to-back exchanges are not replays', async () => {
    const first = await exchangeToken(credsFor('active'), env());
    const second = await exchangeToken(credsFor('active'), env());
    expect(first).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600 });
    expect(first.accessToken).not.toBe(second.accessToken);
    expect(emulator.stats().tokenExchanges).toBeGreaterThanOrEqual(2);
  });

  test('a revoked key: 1.2.6, "request new credentials"', async () => {
    const error = await refusal('revoked');
    expect(error).toMatchObject({ code: 'ERR_TOKEN_REFUSED', exitCode: 1, status: 401, unicoCode: '1.2.6' });
    expect(error.message).toMatch(/request new credentials from Unico/);
  });

  test('a key that is not the account\'s: a bad-signature code, "check that the private key belongs"', async () => {
    const error = await refusal('otherkey');
    expect(BAD_SIGNATURE_CODES).toContain(error.unicoCode);
    expect(error.message).toMatch(/check that the private key belongs to this service account/);
  });

  test('an unknown tenant or account is refused with exit 1', async () => {
    const error = await refusal('nobody');
    expect(error).toMatchObject({ code: 'ERR_TOKEN_REFUSED', exitCode: 1 });
  });
});
