import { sign, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  loadPrivateKey, parsePrivateKey, CredentialError, KeyCorruptError, KeyEmptyError, KeyEncryptedError, KeyFileNotFoundError,
  KeyIsCertificateError, KeyIsDerError, KeyIsPublicError, KeyMissingError, KeyNotPemError, KeyNotRsaError, KeyTooShortError,
  KeyTruncatedError,
} from '../../src/credentials';
import { testKeyPair } from '../helpers/keys';
import {
  certificateFor, ecKeyPem, ecPkcs8Pem, ed25519Pem, encryptedPkcs1Pem, encryptedPkcs8Pem, hasOpenssl, makeCorpus, pemBodyLines,
  expectCredentialError, shortBodyPem, thrown, truncatedPem,
} from './corpus';

const pair = testKeyPair(2048);
const corpus = makeCorpus();

/** The key signs exactly as the original: proves the parsed KeyObject is the same key. */
function signsLikeOriginal(info: ReturnType<typeof parsePrivateKey>): boolean {
  const data = Buffer.from('idcloud');
  return verify('sha256', data, pair.publicKey, sign('sha256', data, info.keyObject));
}

/** Every error must be one line and free of key material. */
function expectCleanMessage(error: Error): void {
  expect(error.message).not.toContain('\n');
  for (const line of corpus.secretLines) expect(error.message).not.toContain(line);
}

describe('parsePrivateKey: accepted forms', () => {
  test('PKCS#8 PEM', () => {
    const info = parsePrivateKey(pair.pkcs8Pem, 'k.pem');
    expect(info).toMatchObject({ format: 'pkcs8', bits: 2048, source: 'k.pem' });
    expect(info.pem).toBe(pair.pkcs8Pem.trim());
    expect(signsLikeOriginal(info)).toBe(true);
  });

  test('PKCS#1 PEM', () => {
    const info = parsePrivateKey(pair.pkcs1Pem, 'k.pem');
    expect(info).toMatchObject({ format: 'pkcs1', bits: 2048 });
    expect(info.pem).toBe(pair.pkcs1Pem.trim());
    expect(signsLikeOriginal(info)).toBe(true);
  });

  test.each([3072, 4096])('%i-bit keys report their size', (bits) => {
    expect(parsePrivateKey(testKeyPair(bits).pkcs8Pem, 'k.pem').bits).toBe(bits);
  });

  test('IDCLOUD_PRIVATE_KEY with literal \\n sequences (as CI secret stores keep it)', () => {
    const env = { IDCLOUD_PRIVATE_KEY: pair.pkcs8Pem.trim().replace(/\n/g, '\\n') };
    const info = loadPrivateKey({ env });
    expect(info.source).toBe('IDCLOUD_PRIVATE_KEY');
    expect(info.pem).toBe(pair.pkcs8Pem.trim());
    expect(signsLikeOriginal(info)).toBe(true);
  });

  test('IDCLOUD_PRIVATE_KEY with CRLF line ends, blank lines and indentation', () => {
    const mangled = '\r\n\r\n' + pair.pkcs1Pem.trim().split('\n').map((l) => `  ${l}  `).join('\r\n\r\n') + '\r\n';
    const info = loadPrivateKey({ env: { IDCLOUD_PRIVATE_KEY: mangled } });
    expect(info.format).toBe('pkcs1');
    expect(info.pem).toBe(pair.pkcs1Pem.trim());
  });

  test.each([
    ['double quotes', (p: string) => `"${p}"`],
    ['single quotes', (p: string) => `'${p}'`],
    ['quotes around literal \\r\\n', (p: string) => `"${p.trim().replace(/\n/g, '\\r\\n')}"`],
    ['a byte-order mark', (p: string) => `\uFEFF${p}`],
    ['spaces for newlines (a one-line CI field)', (p: string) => p.trim().replace(/\n/g, ' ')],
  ])('IDCLOUD_PRIVATE_KEY surrounded by %s', (_name, mangle) => {
    const info = loadPrivateKey({ env: { IDCLOUD_PRIVATE_KEY: mangle(pair.pkcs8Pem) } });
    expect(info.pem).toBe(pair.pkcs8Pem.trim());
  });

  test('a PEM body re-wrapped at another width is normalised to 64 columns', () => {
    const body = pemBodyLines(pair.pkcs8Pem).join('');
    const rewrapped = `-----BEGIN PRIVATE KEY-----\n${body.match(/.{1,76}/g)!.join('\n')}\n-----END PRIVATE KEY-----`;
    expect(parsePrivateKey(rewrapped, 'k.pem').pem).toBe(pair.pkcs8Pem.trim());
  });

  test('a bundle with a certificate before the key uses the key', () => {
    if (!hasOpenssl()) throw new Error('openssl is needed to make the certificate case');
    const cert = fs.readFileSync(certificateFor(corpus.goodKey, path.join(corpus.dir, 'bundle-cert.pem')), 'utf8');
    expect(parsePrivateKey(cert + pair.pkcs8Pem, 'bundle.pem').format).toBe('pkcs8');
  });

  test('JSON.stringify and util.inspect of the key (or credentials holding it) never show the PEM', () => {
    const info = parsePrivateKey(pair.pkcs8Pem, 'k.pem');
    const printed = [JSON.stringify(info), JSON.stringify({ key: info }), require('node:util').inspect({ key: info }, { depth: 5 }), `${JSON.stringify([info])}`];
    for (const text of printed) {
      expect(text).toContain('[redacted]');
      for (const line of pemBodyLines(pair.pkcs8Pem)) expect(text).not.toContain(line);
    }
    expect(info.pem).toBe(pair.pkcs8Pem.trim());
    expect({ ...info }.pem).toBe(pair.pkcs8Pem.trim());
  });

  test('--key file wins over IDCLOUD_PRIVATE_KEY_FILE and IDCLOUD_PRIVATE_KEY', () => {
    const env = { IDCLOUD_PRIVATE_KEY_FILE: '/nonexistent.pem', IDCLOUD_PRIVATE_KEY: 'garbage' };
    expect(loadPrivateKey({ file: corpus.goodPkcs1Key, env }).format).toBe('pkcs1');
  });

  test('IDCLOUD_PRIVATE_KEY_FILE wins over IDCLOUD_PRIVATE_KEY', () => {
    const env = { IDCLOUD_PRIVATE_KEY_FILE: corpus.goodKey, IDCLOUD_PRIVATE_KEY: 'garbage' };
    expect(loadPrivateKey({ env }).source).toBe(corpus.goodKey);
  });
});

describe('parsePrivateKey: each failure has its own class, code and remedy', () => {
  const cases: Array<[string, () => unknown, new (m: string) => CredentialError, string, RegExp]> = [
    ['missing file', () => loadPrivateKey({ file: path.join(corpus.dir, 'nope.pem') }), KeyFileNotFoundError, 'ERR_KEY_FILE_NOT_FOUND', /does not exist; check the path/],
    ['no key at all', () => loadPrivateKey({ env: {} }), KeyMissingError, 'ERR_KEY_MISSING', /give --key FILE/],
    ['empty text', () => parsePrivateKey(' \n\r\n ', 'k.pem'), KeyEmptyError, 'ERR_KEY_EMPTY', /key file k\.pem is empty/],
    ['garbage', () => parsePrivateKey('hello, this is not a key', 'k.pem'), KeyNotPemError, 'ERR_KEY_NOT_PEM', /not a PEM private key/],
    ['truncated (no END line)', () => parsePrivateKey(truncatedPem(pair.pkcs8Pem), 'k.pem'), KeyTruncatedError, 'ERR_KEY_TRUNCATED', /cut off .*copy the whole file/],
    ['truncated (body lines lost)', () => parsePrivateKey(shortBodyPem(pair.pkcs1Pem), 'k.pem'), KeyTruncatedError, 'ERR_KEY_TRUNCATED', /truncated/],
    ['public key', () => parsePrivateKey(pair.spkiPem, 'k.pem'), KeyIsPublicError, 'ERR_KEY_IS_PUBLIC', /public key; signing needs the private key/],
    ['PKCS#1 public key', () => parsePrivateKey(pair.publicKey.export({ format: 'pem', type: 'pkcs1' }).toString(), 'k.pem'), KeyIsPublicError, 'ERR_KEY_IS_PUBLIC', /public key/],
    ['encrypted PKCS#8', () => parsePrivateKey(encryptedPkcs8Pem(), 'k.pem'), KeyEncryptedError, 'ERR_KEY_ENCRYPTED', /openssl pkey -in k\.pem -out plain\.pem/],
    ['encrypted PKCS#1 (Proc-Type)', () => parsePrivateKey(encryptedPkcs1Pem(), 'k.pem'), KeyEncryptedError, 'ERR_KEY_ENCRYPTED', /openssl pkey -in k\.pem -out plain\.pem/],
    ['EC (SEC1)', () => parsePrivateKey(ecKeyPem(), 'k.pem'), KeyNotRsaError, 'ERR_KEY_NOT_RSA', /not an RSA key \(it is EC\)/],
    ['EC (PKCS#8)', () => parsePrivateKey(ecPkcs8Pem(), 'k.pem'), KeyNotRsaError, 'ERR_KEY_NOT_RSA', /not an RSA key \(it is EC\)/],
    ['Ed25519', () => parsePrivateKey(ed25519Pem(), 'k.pem'), KeyNotRsaError, 'ERR_KEY_NOT_RSA', /it is Ed25519/],
    ['1024-bit RSA', () => parsePrivateKey(testKeyPair(1024).pkcs8Pem, 'k.pem'), KeyTooShortError, 'ERR_KEY_TOO_SHORT', /1024-bit RSA key; RS256 needs at least 2048/],
    ['damaged body', () => parsePrivateKey(pair.pkcs8Pem.replace(/\n(.)(.)/, '\n$2$1').replace(/MII/, 'MIJ'), 'k.pem'), KeyCorruptError, 'ERR_KEY_CORRUPT', /copy the file again/],
    ['DER file', () => loadPrivateKey({ file: corpus.file('k.der', pair.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer) }), KeyIsDerError, 'ERR_KEY_IS_DER', /openssl pkey -inform DER/],
  ];

  test.each(cases)('%s', (_name, fn, cls, code, message) => {
    expectCleanMessage(expectCredentialError(fn, cls, code, message));
  });

  test('X.509 certificate instead of a key', () => {
    if (!hasOpenssl()) throw new Error('openssl is needed to make the certificate case');
    const cert = fs.readFileSync(certificateFor(corpus.goodKey, path.join(corpus.dir, 'k.cert.pem')), 'utf8');
    const error = thrown(() => parsePrivateKey(cert, 'k.cert.pem'));
    expect(error).toBeInstanceOf(KeyIsCertificateError);
    expect(error.code).toBe('ERR_KEY_IS_CERTIFICATE');
    expect(error.message).toMatch(/X\.509 certificate, not a private key/);
  });

  test('errors from IDCLOUD_PRIVATE_KEY name the variable, not a file', () => {
    const error = thrown(() => loadPrivateKey({ env: { IDCLOUD_PRIVATE_KEY: pair.spkiPem } }));
    expect(error.message).toMatch(/^IDCLOUD_PRIVATE_KEY holds a public key/);
  });

  test('a key pasted with a wrong character does not echo it', () => {
    const error = thrown(() => parsePrivateKey(pair.pkcs8Pem.replace(/\n(.{10})/, '\n$1!'), 'k.pem'));
    expect(error.code).toBe('ERR_KEY_CORRUPT');
    expectCleanMessage(error);
  });
});
