/**
 * Big-endian bytes ⇄ BigInt. One hex string per conversion: V8 parses and prints hex BigInts in linear
 * time, which beats any byte-by-byte shift-and-add loop (each step of that allocates a new BigInt).
 */
const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push((i < 16 ? '0' : '') + i.toString(16));

export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += HEX[bytes[i]];
  return hex;
}

/** Unsigned big-endian. */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? BigInt(0) : BigInt('0x' + bytesToHex(bytes));
}

function hexDigit(code: number): number {
  return code < 58 ? code - 48 : code - 87; // '0'..'9', 'a'..'f' (BigInt#toString(16) is lower case)
}

/** Unsigned big-endian, left-padded to `length` bytes (or the minimum when omitted). */
export function bigIntToBytes(value: bigint, length?: number): Uint8Array {
  let hex = value.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const size = length === undefined ? hex.length / 2 : length;
  if (hex.length / 2 > size) throw new Error('integer too large for ' + size + ' bytes');
  const out = new Uint8Array(size);
  for (let o = size - hex.length / 2, i = 0; o < size; o++, i += 2) {
    out[o] = (hexDigit(hex.charCodeAt(i)) << 4) | hexDigit(hex.charCodeAt(i + 1));
  }
  return out;
}

export function bitLength(value: bigint): number {
  return value === BigInt(0) ? 0 : value.toString(2).length;
}
