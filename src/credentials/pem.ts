/**
 * PEM text handling shared by the key and certificate checks: tolerant normalisation of text pasted
 * into environment variables or CI secret stores, and splitting into labelled blocks.
 */

export interface PemBlock {
  /** e.g. "PRIVATE KEY", "RSA PRIVATE KEY", "CERTIFICATE". */
  label: string;
  /** RFC 1421 headers such as `Proc-Type: 4,ENCRYPTED` (legacy OpenSSL encryption). */
  headers: Record<string, string>;
  /** The base64 body, whitespace removed. */
  body: string;
  /** False when the END line is missing: the text was cut off. */
  complete: boolean;
  /** The block re-assembled as canonical PEM (LF line ends, 64-column body, no trailing newline). */
  text: string;
}

/**
 * Undoes what secret stores and shells do to PEM text: surrounding quotes, literal `\n` sequences,
 * CRLF or CR line ends, a byte-order mark, indentation and blank lines.
 */
export function normalizePemText(raw: string): string {
  let text = raw.replace(/^\uFEFF/, '').trim();
  // Surrounding quotes, possibly several layers (e.g. "'...'" from a YAML value quoted twice).
  while (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) {
    text = text.slice(1, -1).trim();
  }
  text = text.replace(/\\r\\n|\\n|\\r/g, '\n').replace(/\r\n?/g, '\n');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

const BEGIN = /^-----BEGIN ([A-Z0-9 ]+)-----$/;
const END = /^-----END ([A-Z0-9 ]+)-----$/;
const HEADER = /^([A-Za-z-]+):\s*(.*)$/;

/** The PEM blocks in normalised text, in order. Text outside blocks is ignored (as OpenSSL does). */
export function findPemBlocks(normalized: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  let current: { label: string; headers: Record<string, string>; body: string[] } | undefined;
  const finish = (complete: boolean) => {
    if (!current) return;
    const body = current.body.join('');
    const lines = body.match(/.{1,64}/g) ?? [];
    const headerLines = Object.entries(current.headers).map(([k, v]) => `${k}: ${v}`);
    const text = [`-----BEGIN ${current.label}-----`, ...headerLines, ...(headerLines.length ? [''] : []), ...lines, `-----END ${current.label}-----`].join('\n');
    blocks.push({ label: current.label, headers: current.headers, body, complete, text });
    current = undefined;
  };
  for (const line of normalized.split('\n')) {
    const begin = BEGIN.exec(line);
    if (begin) {
      finish(false);
      current = { label: begin[1], headers: {}, body: [] };
      continue;
    }
    if (!current) continue;
    if (END.test(line)) {
      finish(true);
      continue;
    }
    const header = HEADER.exec(line);
    if (header && current.body.length === 0) current.headers[header[1]] = header[2];
    else current.body.push(line.replace(/\s+/g, ''));
  }
  finish(false);
  return blocks;
}

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
