import { createPublicKey, sign, verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  generateServiceAccount, loadPayload, loadPrivateKey, writeServiceAccount, AccountInvalidError, FileExistsError, KeySizeInvalidError,
  NameInvalidError,
} from '../../src/credentials';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-keygen-'));

describe('generateServiceAccount', () => {
  const account = generateServiceAccount({ account: 'svc', tenant: 'tenant-1', nowSeconds: 1_700_000_000 });

  test("an iss of Unico's shape and a base payload with scope, iat and exp", () => {
    expect(account.iss).toBe('svc@tenant-1.iam.acesso.io');
    expect(account.payload).toEqual({ iss: account.iss, scope: '*', iat: 1_700_000_000, exp: 1_700_003_600 });
  });

  test('a PKCS#8 private key and the matching SPKI public key', () => {
    expect(account.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(account.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    const data = Buffer.from('x');
    expect(verify('sha256', data, createPublicKey(account.publicKeyPem), sign('sha256', data, account.privateKeyPem))).toBe(true);
  });

  test('defaults: a random UUID tenant and 2048 bits; aud when asked', () => {
    const a = generateServiceAccount({ aud: 'http://127.0.0.1:9' });
    const b = generateServiceAccount();
    expect(a.iss).toMatch(/^svcaccount@[0-9a-f-]{36}\.iam\.acesso\.io$/);
    expect(a.iss).not.toBe(b.iss);
    expect(a.payload.aud).toBe('http://127.0.0.1:9');
    expect(createPublicKey(b.publicKeyPem).asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  test('bad account, key size and name are typed errors', () => {
    expect(() => generateServiceAccount({ account: 'thirteenchars' })).toThrow(AccountInvalidError);
    expect(() => generateServiceAccount({ bits: 1024 })).toThrow(KeySizeInvalidError);
    expect(() => writeServiceAccount(tmp(), '../escape', account)).toThrow(NameInvalidError);
  });
});

describe('writeServiceAccount', () => {
  const account = generateServiceAccount({ account: 'svc', tenant: 'tenant-1' });

  test('writes the three files, the key with mode 0600, and they load back', () => {
    const dir = path.join(tmp(), 'nested', 'out');
    const files = writeServiceAccount(dir, 'svc', account);
    expect(files).toEqual({ keyFile: path.join(dir, 'svc.key.pem'), payloadFile: path.join(dir, 'svc.payload.json'), publicKeyFile: path.join(dir, 'svc.pub.pem') });
    expect(fs.statSync(files.keyFile).mode & 0o777).toBe(0o600);
    expect(loadPrivateKey({ file: files.keyFile }).pem).toBe(account.privateKeyPem.trim());
    expect(loadPayload({ file: files.payloadFile }).iss).toBe(account.iss);
    expect(fs.readFileSync(files.publicKeyFile, 'utf8')).toBe(account.publicKeyPem);
  });

  test('refuses to overwrite any existing file, writing nothing; --force replaces and keeps 0600', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'svc.pub.pem'), 'keep me');
    expect(() => writeServiceAccount(dir, 'svc', account)).toThrow(FileExistsError);
    expect(fs.existsSync(path.join(dir, 'svc.key.pem'))).toBe(false);
    fs.writeFileSync(path.join(dir, 'svc.key.pem'), 'old', { mode: 0o644 });
    const files = writeServiceAccount(dir, 'svc', account, { force: true });
    expect(fs.readFileSync(files.publicKeyFile, 'utf8')).toBe(account.publicKeyPem);
    expect(fs.statSync(files.keyFile).mode & 0o777).toBe(0o600);
  });
});
