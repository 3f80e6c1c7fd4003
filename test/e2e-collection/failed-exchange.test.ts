/**
 * When the exchange itself fails, it fails once with the Unico code, its cause and its remedy (UNICO_ERRORS); the
 * requests that needed a token are skipped, each saying why (and a runner counts them: the no-token run signal),
 * with no assertion, token or key in any message or log.
 */
import { FOLDERS } from '../../src/collection';
import { MISSING_PRIVATE_KEY } from '../../src/sandbox/script/secrets';
import { API_CASES } from '../../src/suites/api';
import { apiCaseName } from '../../src/suites/api-docs';
import { runNewman } from '../helpers/postman-runtimes';
import { otherTestKeyPair } from '../helpers/keys';
import { keys, onlyFolders, setUp } from './support';

const SMOKE = [FOLDERS.token, FOLDERS.api];
const JWT_LIKE = /eyJ[A-Za-z0-9_-]{10,}/;

test('a revoked key: the Token request names 1.2.6, its cause and remedy, once; every API request that needs a token is skipped for want of it', async () => {
  const { emulator, files, envValues } = await setUp({}, {}, { status: 'key-revoked' });
  try {
    const result = await runNewman(onlyFolders(files.collection, SMOKE), { envValues });
    const explained = '401 with 1.2.6 (the signing key is no longer accepted (revoked); request new credentials from Unico)';
    expect(result.failures).toContainEqual({ item: 'Exchange assertion for access token', name: 'status is 200', message: `expected 200, got 401: token endpoint answered ${explained}` });
    expect(result.failures).toHaveLength(1);
    // Every request that inherits the auth layer, the emulator's finish call too (it runs on loopback), is skipped:
    // the visible exchange was rejected once, and is not repeated (each would be another invalid attempt).
    const noToken = result.consoleLogs.filter((l) => l.includes('skipped, no access token (the exchange was refused)'));
    expect(noToken.map((l) => /^IDCloud: (.*): skipped/.exec(l)![1])).toEqual(API_CASES.filter((c) => c.auth === 'valid').map(apiCaseName));
    // The refusal itself goes to a runner once, explained.
    expect(result.consoleLogs.filter((l) => l.startsWith(`IDCloud: token endpoint answered ${explained}`))).toHaveLength(1);
    expect(emulator.stats().tokenErrors).toBe(1);
    // Without a token the API's answer proves nothing: no request blames the API for "rejecting a valid token".
    expect(result.failures.filter((f) => /rejected a valid access token/.test(f.message))).toEqual([]);
    const everything = JSON.stringify(result.failures) + result.consoleLogs.join('\n');
    expect(JWT_LIKE.test(everything)).toBe(false);
    expect(everything.includes(keys.pkcs8Pem.split('\n')[1])).toBe(false);
  } finally {
    await emulator.close();
  }
});

test('a key that is not the account key: 1.2.5 or 1.2.21 with "check that the private key belongs to this service account"', async () => {
  const { emulator, files, envValues } = await setUp({}, { private_key: otherTestKeyPair().pkcs1Pem });
  try {
    const result = await runNewman(onlyFolders(files.collection, [FOLDERS.token]), { envValues });
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0].message).toMatch(/^expected 200, got 401: token endpoint answered 401 with 1\.2\.(5|21) \(.*check that the private key belongs to this service account/);
  } finally {
    await emulator.close();
  }
});

test('an empty private_key says which variable to fill, and sends no valid assertion', async () => {
  const { emulator, files, envValues } = await setUp({}, { private_key: '' });
  try {
    const result = await runNewman(onlyFolders(files.collection, [FOLDERS.token]), { envValues });
    expect(result.failures[0]).toEqual({
      item: 'Exchange assertion for access token',
      name: 'assertion signed',
      message: MISSING_PRIVATE_KEY,
    });
    expect(emulator.stats().tokenExchanges).toBe(0);
  } finally {
    await emulator.close();
  }
});
