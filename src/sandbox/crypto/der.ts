/** The small subset of ASN.1 DER that RSA keys need: read TLVs; write SEQUENCE, INTEGER, NULL, OID, BIT STRING. */
import { bytesToBigInt, bigIntToBytes } from './bigint-bytes';

export const TAG = { INTEGER: 0x02, BIT_STRING: 0x03, OCTET_STRING: 0x04, NULL: 0x05, OID: 0x06, SEQUENCE: 0x30 };

export interface Tlv {
  tag: number;
  /** Offset of the first content byte. */
  start: number;
  /** Offset just past the content. */
  end: number;
}

export function readTlv(der: Uint8Array, offset: number, limit = der.length): Tlv {
  if (offset + 2 > limit) throw new Error('DER is truncated');
  const tag = der[offset];
  let length = der[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new Error('DER length is not supported');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[start + i];
    start += count;
  }
  const end = start + length;
  if (end > limit) throw new Error('DER is truncated');
  return { tag, start, end };
}

/** The children of a constructed value (e.g. a SEQUENCE). */
export function readChildren(der: Uint8Array, parent: Tlv): Tlv[] {
  const children: Tlv[] = [];
  for (let offset = parent.start; offset < parent.end; ) {
    const child = readTlv(der, offset, parent.end);
    children.push(child);
    offset = child.end;
  }
  return children;
}

export function expectTag(tlv: Tlv, tag: number, what: string): Tlv {
  if (tlv.tag !== tag) throw new Error(what + ': unexpected DER tag 0x' + tlv.tag.toString(16));
  return tlv;
}

export function readInteger(der: Uint8Array, tlv: Tlv): bigint {
  expectTag(tlv, TAG.INTEGER, 'INTEGER');
  if (tlv.end > tlv.start && der[tlv.start] & 0x80) throw new Error('negative DER INTEGER');
  return bytesToBigInt(der.subarray(tlv.start, tlv.end));
}

function encodeLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let l = length; l > 0; l = Math.floor(l / 256)) bytes.unshift(l & 255);
  return [0x80 | bytes.length, ...bytes];
}

export function encodeTlv(tag: number, content: ArrayLike<number>): Uint8Array {
  const head = [tag, ...encodeLength(content.length)];
  const out = new Uint8Array(head.length + content.length);
  out.set(head);
  out.set(content as ArrayLike<number>, head.length);
  return out;
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function encodeSequence(parts: Uint8Array[]): Uint8Array {
  return encodeTlv(TAG.SEQUENCE, concatBytes(parts));
}

/** Non-negative INTEGER (a leading 0x00 keeps the sign bit clear). */
export function encodeInteger(value: bigint): Uint8Array {
  const bytes = bigIntToBytes(value);
  const content = bytes.length === 0 || bytes[0] & 0x80 ? concatBytes([new Uint8Array([0]), bytes]) : bytes;
  return encodeTlv(TAG.INTEGER, content);
}
