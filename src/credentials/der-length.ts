/** Telling a PEM body cut short from one that is simply wrong. */

/**
 * For a DER SEQUENCE, whether the bytes are fewer than its length header declares — the sign of a
 * PEM body cut short (a lost line when pasting), as opposed to bytes that are simply wrong.
 */
export function isShortDer(der: Buffer): boolean {
  if (der.length < 2 || der[0] !== 0x30) return false;
  const first = der[1];
  if (first < 0x80) return der.length < 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || der.length < 2 + count) return der.length < 2 + count;
  let declared = 0;
  for (let i = 0; i < count; i++) declared = declared * 256 + der[2 + i];
  return der.length < 2 + count + declared;
}
