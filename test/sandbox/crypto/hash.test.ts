/** SHA-256 and HMAC-SHA256 of the sandbox signer against node:crypto. */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { hmacSha256, sha256, utf8Encode } from '../../../src/sandbox/crypto';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const nodeSha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

test('SHA-256 of every length 0..200 matches node:crypto (all padding boundaries)', () => {
  for (let length = 0; length <= 200; length++) {
    const data = new Uint8Array(randomBytes(length));
    expect(hex(sha256(data))).toBe(nodeSha256(data));
  }
});

test('SHA-256 of the empty input is the well-known constant', () => {
  expect(hex(sha256(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

test('SHA-256 of 1 MB matches node:crypto', () => {
  const data = new Uint8Array(randomBytes(1024 * 1024));
  expect(hex(sha256(data))).toBe(nodeSha256(data));
});

test('SHA-256 of non-ASCII text (UTF-8) matches node:crypto', () => {
  for (const text of ['olá, não', 'Ünïcødé ß', '日本語のテキスト', 'emoji 😀🚀 and 𝄞', 'mixed aé日😀']) {
    expect(hex(sha256(utf8Encode(text)))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  }
});

test('HMAC-SHA256 matches node:crypto for keys shorter, equal to and longer than the block', () => {
  for (const keyLength of [0, 1, 16, 32, 63, 64, 65, 100, 451]) {
    for (const dataLength of [0, 1, 55, 56, 64, 200]) {
      const key = new Uint8Array(randomBytes(keyLength));
      const data = new Uint8Array(randomBytes(dataLength));
      expect(hex(hmacSha256(key, data))).toBe(createHmac('sha256', key).update(data).digest('hex'));
    }
  }
});
