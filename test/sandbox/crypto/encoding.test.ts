/** UTF-8 and base64/base64url of the sandbox signer against Node's Buffer and TextEncoder. */
import { randomBytes } from 'node:crypto';
import { base64Decode, base64Encode, base64urlDecode, base64urlEncode, utf8Decode, utf8Encode } from '../../../src/sandbox/crypto';

const SAMPLES = [
  '',
  'plain ascii',
  'olá, não, ação',
  '日本語',
  'emoji 😀 astral 𝄞 and 🇧🇷',
  '\u0000\u007f\u0080\u07ff\u0800\uffff',
  String.fromCodePoint(0x10000, 0x10ffff),
];

test('utf8Encode equals TextEncoder for BMP, astral and boundary characters', () => {
  for (const text of SAMPLES) expect(Buffer.from(utf8Encode(text)).equals(Buffer.from(new TextEncoder().encode(text)))).toBe(true);
});

test('utf8Encode turns lone surrogates into U+FFFD as TextEncoder does', () => {
  for (const text of ['a\ud800b', '\udc00', 'x\ud83d']) {
    expect(Array.from(utf8Encode(text))).toEqual(Array.from(new TextEncoder().encode(text)));
  }
});

test('utf8Decode round-trips and equals TextDecoder on malformed input', () => {
  for (const text of SAMPLES) expect(utf8Decode(utf8Encode(text))).toBe(text);
  const malformed = [[0xff], [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x61, 0x80, 0x62]];
  for (const bytes of malformed) {
    expect(utf8Decode(new Uint8Array(bytes))).toBe(new TextDecoder().decode(new Uint8Array(bytes)));
  }
});

test('base64 and base64url equal Buffer for every length 0..100 and round-trip', () => {
  for (let length = 0; length <= 100; length++) {
    const bytes = new Uint8Array(randomBytes(length));
    const b64 = base64Encode(bytes);
    const b64url = base64urlEncode(bytes);
    expect(b64).toBe(Buffer.from(bytes).toString('base64'));
    expect(b64url).toBe(Buffer.from(bytes).toString('base64url'));
    expect(Buffer.from(base64Decode(b64)).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(base64urlDecode(b64url)).equals(Buffer.from(bytes))).toBe(true);
  }
});

test('base64 decoding rejects characters outside the alphabet and impossible lengths', () => {
  expect(() => base64Decode('ab$d')).toThrow(/invalid base64/);
  expect(() => base64Decode('abcde')).toThrow(/invalid base64/);
});

test('utf8Decode equals TextDecoder on random bytes (fuzz)', () => {
  for (let i = 0; i < 300; i++) {
    const bytes = new Uint8Array(randomBytes(1 + (i % 40)));
    expect(utf8Decode(bytes)).toBe(new TextDecoder().decode(bytes));
  }
});
