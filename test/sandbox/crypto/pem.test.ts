/** PEM parsing: tolerant of how keys travel through Postman variables; a clear message for anything else. */
import { generateKeyPairSync } from 'node:crypto';
import { parseRsaPrivateKey } from '../../../src/sandbox/crypto';
import { DECRYPT_HINT, pemKeyKind } from '../../../src/sandbox/crypto/pem';
import { parsePrivateKey } from '../../../src/credentials/private-key';
import { testKeyPair } from '../../helpers/keys';

const pair = testKeyPair(2048);
const expected = parseRsaPrivateKey(pair.pkcs8Pem);

test.each([
  ['CRLF line ends', (pem: string) => pem.replace(/\n/g, '\r\n')],
  ['surrounding blank lines and spaces', (pem: string) => `\n\n   ${pem}   \n\n`],
  ['literal \\n sequences (one JSON-escaped line)', (pem: string) => pem.replace(/\n/g, '\\n')],
  ['literal \\r\\n sequences', (pem: string) => pem.replace(/\n/g, '\\r\\n')],
  ['surrounding double quotes', (pem: string) => `"${pem}"`],
  ['spaces for newlines (pasted into a one-line field)', (pem: string) => pem.trim().replace(/\n/g, ' ')],
  ['no line breaks inside the base64 body', (pem: string) => pem.replace(/\n(?!-----END)/g, '').replace('-----', '\n-----').trim()],
])('accepts %s', (_name, transform) => {
  for (const pem of [pair.pkcs8Pem, pair.pkcs1Pem]) expect(parseRsaPrivateKey(transform(pem))).toEqual(expected);
});

function ecPkcs8(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}
function ecSec1(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'sec1' }).toString();
}
function ed25519(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}
function encryptedPkcs8(): string {
  return pair.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'secret' }).toString();
}
function encryptedPkcs1(): string {
  return pair.privateKey.export({ format: 'pem', type: 'pkcs1', cipher: 'aes-256-cbc', passphrase: 'secret' }).toString();
}
function truncated(): string {
  const lines = pair.pkcs8Pem.trim().split('\n');
  return [...lines.slice(0, 10), lines[lines.length - 1]].join('\n');
}
function corruptedCrt(): string {
  // Flip one byte near the end of the DER (inside qinv): the numbers still parse but no longer fit together.
  const body = pair.pkcs1Pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const der = Buffer.from(body, 'base64');
  der[der.length - 5] ^= 0x01;
  return `-----BEGIN RSA PRIVATE KEY-----\n${der.toString('base64')}\n-----END RSA PRIVATE KEY-----\n`;
}

test.each([
  ['empty text', () => '', /empty/],
  ['only whitespace', () => ' \n ', /empty/],
  ['garbage', () => 'this is not a key', /not PEM/],
  ['a missing END line', () => pair.pkcs8Pem.split('-----END')[0], /truncated/],
  ['a truncated body', truncated, /truncated|incomplete|base64/],
  ['a public key', () => pair.spkiPem, /public key/],
  ['a PKCS#1 public key', () => pair.publicKey.export({ format: 'pem', type: 'pkcs1' }).toString(), /public key/],
  ['a certificate', () => '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', /certificate/],
  ['an encrypted PKCS#8 key', encryptedPkcs8, /encrypted.*openssl/],
  ['an encrypted PKCS#1 key', encryptedPkcs1, /encrypted.*openssl/],
  ['an EC key in PKCS#8', ecPkcs8, /EC key.*RSA/],
  ['an EC key in SEC1', ecSec1, /not an RSA private key but "EC PRIVATE KEY": Unico service accounts use RSA keys/],
  ['an OpenSSH key', () => '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----', /"OPENSSH PRIVATE KEY"/],
  ['an Ed25519 key', ed25519, /Ed25519 key.*RSA/],
  ['mismatched BEGIN/END labels', () => pair.pkcs8Pem.replace('END PRIVATE KEY', 'END RSA PRIVATE KEY'), /malformed/],
  ['corrupted CRT values', corruptedCrt, /inconsistent/],
])('rejects %s with a clear message', (_name, make, message) => {
  expect(() => parseRsaPrivateKey(make())).toThrow(message);
});

test('random corruption of the key DER never yields a different key: it throws an Error or parses the same numbers', () => {
  const der = Buffer.from(pair.pkcs8Pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  let rejected = 0;
  for (let i = 0; i < 300; i++) {
    const copy = Buffer.from(der);
    const at = Math.floor(Math.random() * copy.length);
    if (i % 3 === 0) copy[at] ^= 1 << (i % 8);
    else copy[at] = Math.floor(Math.random() * 256);
    const cut = i % 5 === 0 ? copy.subarray(0, at) : copy;
    const pem = `-----BEGIN PRIVATE KEY-----\n${cut.toString('base64')}\n-----END PRIVATE KEY-----\n`;
    let parsed: unknown;
    try {
      parsed = parseRsaPrivateKey(pem);
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).not.toContain(der.toString('base64').slice(40, 80));
      rejected++;
      continue;
    }
    expect(parsed).toEqual(expected);
  }
  expect(rejected).toBeGreaterThan(200);
});

test('a file bundling a public key or certificate with the private key yields the private key, in either order', () => {
  const cert = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  expect(parseRsaPrivateKey(cert + pair.pkcs8Pem)).toEqual(expected);
  expect(parseRsaPrivateKey(pair.pkcs1Pem + pair.spkiPem)).toEqual(expected);
  expect(parseRsaPrivateKey(pair.spkiPem + '\n' + pair.pkcs1Pem)).toEqual(expected);
});

// One rule for what a pasted key is (sandbox/crypto/pem.ts pemKeyKind), used by Node's loader and the sandbox's
// signer alike; each words its own message, and both give the same way out of an encrypted key.
describe('Node and the sandbox classify a pasted key by one rule', () => {
  const block = (label: string, headers = '') => `-----BEGIN ${label}-----\n${headers}${pair.pkcs8Pem.split('\n')[1]}\n-----END ${label}-----\n`;
  const sandboxMessage = (pem: string) => {
    try {
      parseRsaPrivateKey(pem);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('the sandbox accepted it');
  };
  const nodeError = (pem: string) => {
    try {
      parsePrivateKey(pem, 'k.pem');
    } catch (error) {
      return error as Error & { code?: string };
    }
    throw new Error('Node accepted it');
  };

  test.each([
    ['PUBLIC KEY', 'public-key', 'ERR_KEY_IS_PUBLIC', /a public key/],
    ['RSA PUBLIC KEY', 'public-key', 'ERR_KEY_IS_PUBLIC', /a public key/],
    ['CERTIFICATE', 'certificate', 'ERR_KEY_IS_CERTIFICATE', /a certificate/],
    ['EC PRIVATE KEY', 'ec', 'ERR_KEY_NOT_RSA', /not an RSA private key/],
    ['ENCRYPTED PRIVATE KEY', 'encrypted', 'ERR_KEY_ENCRYPTED', /encrypted/],
  ])('%s', (label, kind, nodeCode, sandboxWords) => {
    expect(pemKeyKind({ label })).toBe(kind);
    expect(nodeError(block(label)).code).toBe(nodeCode);
    expect(sandboxMessage(block(label))).toMatch(sandboxWords);
  });

  test('an encrypted key (PKCS#8 or a Proc-Type header) gets the same decrypt hint on both sides', () => {
    for (const pem of [block('ENCRYPTED PRIVATE KEY'), block('RSA PRIVATE KEY', 'Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n')]) {
      expect(nodeError(pem).message).toContain(DECRYPT_HINT);
      expect(sandboxMessage(pem)).toContain(DECRYPT_HINT);
    }
  });
});
