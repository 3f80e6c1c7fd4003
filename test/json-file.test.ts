/**
 * One reading of the JSON files a user names (src/json-file.ts): the CLI's --config and --collection, the
 * emulator's accounts file and wrap's input take the same file the same way — a byte order mark (as Windows
 * editors write one) included, which the emulator's accounts file and --config refused before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readJson } from '../src/json-file';
import { parseConfigFile } from '../src/cli/inputs';
import { loadAccountsFile } from '../src/emulator';
import { readAccountsFileEntries } from '../src/emulator/accounts-file';
import { TEST_ISS, testKeyPair } from './helpers/keys';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-json-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

test('a file with a byte order mark is read by every reader', () => {
  fs.writeFileSync(path.join(dir, 'svc.pub.pem'), testKeyPair().spkiPem);
  const accounts = write('accounts.json', `\uFEFF${JSON.stringify({ accounts: [{ iss: TEST_ISS, publicKey: 'svc.pub.pem' }] })}`);
  expect(readJson(accounts)).toMatchObject({ ok: true });
  expect(loadAccountsFile(accounts).map((a) => a.iss)).toEqual([TEST_ISS]);
  expect(readAccountsFileEntries(accounts)).toHaveLength(1);
  const config = write('config.json', `\uFEFF${JSON.stringify({ environments: { local: { identityUrl: 'http://127.0.0.1:8780' } } })}`);
  expect(parseConfigFile(config)).toMatchObject({ environments: { local: { identityUrl: 'http://127.0.0.1:8780' } } });
});

test('the outcome is typed: unreadable with its code, not JSON with the parser position and never the text', () => {
  expect(readJson(path.join(dir, 'missing.json'))).toMatchObject({ ok: false, problem: 'unreadable', code: 'ENOENT' });
  expect(readJson(dir)).toMatchObject({ ok: false, problem: 'unreadable', code: 'EISDIR' });
  const secretish = write('bad.json', '{"private_key": "-----BEGIN PRIVATE KEY----- MIIE');
  const read = readJson(secretish);
  expect(read).toMatchObject({ ok: false, problem: 'not-json' });
  expect(read.ok === false && read.problem === 'not-json' && read.detail).not.toContain('MIIE');
});
