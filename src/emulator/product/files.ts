/**
 * Files inside JSON bodies: strict base64 decoding (standard or URL-safe alphabet, padding optional, an
 * optional `data:<type>;base64,` prefix — Unico's examples show both bare and data-URL forms) and the
 * magic bytes that tell a PDF, JPEG, PNG or WebP apart.
 */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$|^[A-Za-z0-9_-]*$/;
const DATA_URL = /^data:[\w.+-]+\/[\w.+-]+;base64,/i;

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The bytes of a base64 text, or undefined when it is not base64 (or decodes to nothing). */
export function decodeBase64(text: string): Buffer | undefined {
  const bare = text.replace(DATA_URL, '').replace(/\s+/g, '');
  if (bare === '' || !BASE64.test(bare) || bare.replace(/=+$/, '').length % 4 === 1) return undefined;
  return Buffer.from(bare, bare.includes('-') || bare.includes('_') ? 'base64url' : 'base64');
}

/** How many bytes a base64 text decodes to, without decoding it (for size limits before the work). */
export function decodedLength(text: string): number {
  const bare = text.replace(DATA_URL, '').replace(/\s+/g, '').replace(/=+$/, '');
  return Math.floor((bare.length * 3) / 4);
}

export function imageTypeOf(bytes: Buffer): ImageType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return undefined;
}

export function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
}
