/** Ids derived from names, so regenerating gives byte-identical files (collections/ is checked fresh). */
import { createHash } from 'node:crypto';

/** A UUID-shaped id (version nibble 5 style) from the SHA-256 of the parts. */
export function stableId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
