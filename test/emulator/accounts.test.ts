/** The accounts file (cli-contract.md "Emulator"): paths relative to the file, certificates, one-line errors. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IdcloudPostmanError, EXIT } from '../../src/errors';
import { loadAccountsFile, startEmulator } from '../../src/emulator';
import { emulatorSigningKey, TEST_ISS, testKeyPair } from '../helpers/keys';
import { claims, exchange, signRs256 } from './support';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-accounts-'));
  fs.mkdirSync(path.join(dir, 'keys'));
  fs.writeFileSync(path.join(dir, 'keys', 'svc.pub.pem'), testKeyPair().spkiPem);
  fs.writeFileSync(path.join(dir, 'keys', 'svc.key.pem'), testKeyPair().pkcs8Pem);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeAccounts(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function loadError(file: string): IdcloudPostmanError {
  try {
    loadAccountsFile(file);
  } catch (error) {
    return error as IdcloudPostmanError;
  }
  throw new Error('expected loadAccountsFile to throw');
}

test('reads a public key path relative to the accounts file, with apiKey and status', () => {
  const file = writeAccounts('ok.json', { accounts: [{ iss: TEST_ISS, publicKey: 'keys/svc.pub.pem', apiKey: 'k1', status: 'disabled' }] });
  const [account] = loadAccountsFile(file);
  expect(account).toEqual({ iss: TEST_ISS, publicKey: testKeyPair().spkiPem, apiKey: 'k1', status: 'disabled' });
});

test('reads capabilities and a loopback webhook', () => {
  const webhook = { url: 'http://127.0.0.1:9/hook', auth: { type: 'basic', username: 'u', password: 'p' } };
  const file = writeAccounts('extras.json', { accounts: [{ iss: TEST_ISS, publicKey: 'keys/svc.pub.pem', capabilities: ['client:processes:read'], webhook }] });
  expect(loadAccountsFile(file)[0]).toMatchObject({ capabilities: ['client:processes:read'], webhook });
});

test('accepts the PEM text itself', () => {
  const file = writeAccounts('inline.json', { accounts: [{ iss: TEST_ISS, publicKey: testKeyPair().spkiPem }] });
  expect(loadAccountsFile(file)[0].publicKey).toBe(testKeyPair().spkiPem);
});

test('an account registered by its X.509 certificate (Unico\'s openssl command) verifies assertions', async () => {
  const cert = path.join(dir, 'keys', 'svc.cert.pem');
  execFileSync('openssl', ['req', '-x509', '-new', '-nodes', '-sha256', '-days', '720', '-key', path.join(dir, 'keys', 'svc.key.pem'), '-out', cert, '-subj', '/CN=svctest']);
  const file = writeAccounts('cert.json', { accounts: [{ iss: TEST_ISS, publicKey: 'keys/svc.cert.pem' }] });
  const emulator = await startEmulator({ accounts: loadAccountsFile(file), signingKey: emulatorSigningKey() });
  try {
    const result = await exchange(emulator.url, signRs256(claims(emulator.url)));
    expect(result.status).toBe(200);
  } finally {
    await emulator.close();
  }
});

test.each([
  ['missing file', () => path.join(dir, 'nope.json'), 'ERR_ACCOUNTS_FILE_UNREADABLE', /cannot read .*nope\.json/],
  ['not JSON', () => writeAccounts('bad.json', '{"accounts": ['), 'ERR_ACCOUNTS_FILE_FORMAT', /bad\.json is not valid JSON/],
  ['no accounts array', () => writeAccounts('shape.json', { iss: TEST_ISS }), 'ERR_ACCOUNTS_FILE_FORMAT', /must hold \{"accounts"/],
  ['empty accounts', () => writeAccounts('empty.json', { accounts: [] }), 'ERR_ACCOUNTS_FILE_FORMAT', /at least one account/],
  ['bad iss', () => writeAccounts('iss.json', { accounts: [{ iss: 'svc@example.com', publicKey: 'keys/svc.pub.pem' }] }), 'ERR_ACCOUNTS_FILE_FORMAT', /accounts\[0\]\.iss must look like/],
  ['duplicate iss', () => writeAccounts('dup.json', { accounts: [{ iss: TEST_ISS, publicKey: 'keys/svc.pub.pem' }, { iss: TEST_ISS, publicKey: 'keys/svc.pub.pem' }] }), 'ERR_ACCOUNTS_FILE_FORMAT', /accounts\[1\]\.iss .* listed twice/],
  ['bad status', () => writeAccounts('status.json', { accounts: [{ iss: TEST_ISS, publicKey: 'keys/svc.pub.pem', status: 'sleepy' }] }), 'ERR_ACCOUNTS_FILE_FORMAT', /accounts\[0\]\.status must be one of active/],
  ['missing key file', () => writeAccounts('nokey.json', { accounts: [{ iss: TEST_ISS, publicKey: 'keys/missing.pem' }] }), 'ERR_ACCOUNT_KEY', /accounts\[0\]\.publicKey: cannot read .*missing\.pem/],
  ['a private key', () => writeAccounts('private.json', { accounts: [{ iss: TEST_ISS, publicKey: 'keys/svc.key.pem' }] }), 'ERR_ACCOUNT_KEY', /holds a private key/],
  ['garbage PEM', () => writeAccounts('garbage.json', { accounts: [{ iss: TEST_ISS, publicKey: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' }] }), 'ERR_ACCOUNT_KEY', /not a readable public key/],
  ['a 1024-bit key', () => writeAccounts('small.json', { accounts: [{ iss: TEST_ISS, publicKey: testKeyPair(1024).spkiPem }] }), 'ERR_ACCOUNT_KEY', /at least 2048 bits/],
  ['an unknown capability', () => withExtras('cap.json', { capabilities: ['client:everything'] }), 'ERR_ACCOUNTS_FILE_FORMAT', /cap\.json: accounts\[0\]\.capabilities: "client:everything" is not a capability; use some of client:processes:create/],
  ['capabilities not a list', () => withExtras('caps.json', { capabilities: 'all' }), 'ERR_ACCOUNTS_FILE_FORMAT', /accounts\[0\]\.capabilities: must be a list/],
  ['a webhook off loopback', () => withExtras('hook.json', { webhook: { url: 'https://hooks.example.com/unico' } }), 'ERR_ACCOUNTS_FILE_FORMAT', /hook\.json: accounts\[0\]\.webhook\.url hooks\.example\.com is not a loopback host/],
  ['a webhook URL that is not a URL', () => withExtras('hookurl.json', { webhook: { url: 'localhost' } }), 'ERR_ACCOUNTS_FILE_FORMAT', /accounts\[0\]\.webhook\.url must be an http URL on loopback/],
  ['a webhook URL with credentials in it', () => withExtras('hookcred.json', { webhook: { url: 'http://u:secret@127.0.0.1/x' } }), 'ERR_ACCOUNTS_FILE_FORMAT', /accounts\[0\]\.webhook\.url must be an http\(s\) URL without credentials/],
  ['a webhook auth type not offered', () => withExtras('hookauth.json', { webhook: { url: 'http://localhost:1/x', auth: { type: 'oauth2' } } }), 'ERR_ACCOUNTS_FILE_FORMAT', /accounts\[0\]\.webhook\.auth\.type must be "basic", "apikey" or "none"/],
  ['a basic webhook without username', () => withExtras('hookbasic.json', { webhook: { url: 'http://localhost:1/x', auth: { type: 'basic', password: 'secret' } } }), 'ERR_ACCOUNTS_FILE_FORMAT', /accounts\[0\]\.webhook\.auth basic needs "username"/],
])('%s: one-line InputError naming the file and field, exit 2', (_name, makeFile, code, message) => {
  const error = loadError(makeFile());
  expect(error).toBeInstanceOf(IdcloudPostmanError);
  expect(error.code).toBe(code);
  expect(error.exitCode).toBe(EXIT.BAD_INPUT);
  expect(error.message).toMatch(message);
  expect(error.message).not.toContain('\n');
  expect(error.message).not.toContain('PRIVATE KEY');
  expect(error.message).not.toContain('secret');
});

function withExtras(name: string, extras: Record<string, unknown>): string {
  return writeAccounts(name, { accounts: [{ iss: TEST_ISS, publicKey: 'keys/svc.pub.pem', ...extras }] });
}
