/**
 * UTF-8 without TextEncoder/TextDecoder (postman-sandbox 4.7.1 has neither). Lone surrogates become U+FFFD,
 * as TextEncoder does, so JSON.stringify output (which escapes them anyway) always encodes.
 */
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        c = 0xfffd;
      }
    }
    if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}

/** Decodes UTF-8 exactly as TextDecoder does (WHATWG: each maximal bad subsequence becomes one U+FFFD). */
export function utf8Decode(bytes: Uint8Array): string {
  const codePoints: number[] = [];
  let codePoint = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (needed === 0) {
      if (byte <= 0x7f) codePoints.push(byte);
      else if (byte >= 0xc2 && byte <= 0xdf) [needed, codePoint] = [1, byte & 0x1f];
      else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0; // no overlong forms
        if (byte === 0xed) upper = 0x9f; // no surrogates
        [needed, codePoint] = [2, byte & 0xf];
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f; // nothing past U+10FFFF
        [needed, codePoint] = [3, byte & 0x7];
      } else codePoints.push(0xfffd);
      continue;
    }
    if (byte < lower || byte > upper) {
      codePoints.push(0xfffd);
      [codePoint, needed, seen, lower, upper] = [0, 0, 0, 0x80, 0xbf];
      i--; // this byte may start the next character
      continue;
    }
    [lower, upper] = [0x80, 0xbf];
    codePoint = (codePoint << 6) | (byte & 0x3f);
    if (++seen === needed) {
      codePoints.push(codePoint);
      [codePoint, needed, seen] = [0, 0, 0];
    }
  }
  if (needed) codePoints.push(0xfffd);
  let text = '';
  for (let i = 0; i < codePoints.length; i += 4096) text += String.fromCodePoint(...codePoints.slice(i, i + 4096));
  return text;
}
