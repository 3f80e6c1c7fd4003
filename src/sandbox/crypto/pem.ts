/**
 * PEM armour ⇄ DER, one implementation for Node (credential checks) and the sandbox (the signer). Tolerant of
 * how keys arrive through Postman variables, environment files and CI secret stores: surrounding quotes, literal
 * "\n" sequences (a PEM pasted as one JSON-escaped line), CRLF, a byte-order mark, indentation and blank lines.
 */
import { base64Decode, base64Encode } from './base64';

export interface PemBlock {
  /** The label after BEGIN, e.g. "PRIVATE KEY", "RSA PRIVATE KEY", "CERTIFICATE". */
  label: string;
  /** The label after END; differs from `label` in a malformed block. */
  endLabel?: string;
  /** RFC 1421 headers such as `Proc-Type: 4,ENCRYPTED` (legacy OpenSSL encryption). */
  headers: Record<string, string>;
  /** The base64 body, whitespace removed. */
  body: string;
  /** False when the END line is missing: the text was cut off. */
  complete: boolean;
}

/** Undoes what secret stores and shells do to PEM text (see above); lines trimmed, blank lines dropped. */
export function normalizePemText(raw: string): string {
  let text = raw.replace(/^\uFEFF/, '').trim();
  // Surrounding quotes, possibly several layers (e.g. "'...'" from a YAML value quoted twice).
  while (/^(["'])[\s\S]*\1$/.test(text)) text = text.slice(1, -1).trim();
  // Literal backslash escapes first: "\n" ends in a base64 letter, so it must not survive into the body.
  text = text.replace(/\\r\\n|\\n|\\r/g, '\n').replace(/\r\n?/g, '\n');
  // Armour lines on lines of their own: a PEM pasted into a one-line field arrives with spaces for newlines.
  text = text.replace(/-----(BEGIN|END) ([A-Z0-9 ]+)-----/g, '\n-----$1 $2-----\n');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

const ARMOUR = /^-----(BEGIN|END) ([A-Z0-9 ]+)-----$/;
const HEADER = /^([A-Za-z-]+):\s*(.*)$/;

/** The PEM blocks in normalised text, in order. Text outside blocks is ignored (as OpenSSL does). */
export function findPemBlocks(normalized: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  let current: PemBlock | undefined;
  for (const line of normalized.split('\n')) {
    const armour = ARMOUR.exec(line);
    if (armour && armour[1] === 'BEGIN') {
      // A BEGIN inside an open block leaves that one incomplete.
      current = { label: armour[2], headers: {}, body: '', complete: false };
      blocks.push(current);
    } else if (!current) {
      continue;
    } else if (armour) {
      current.complete = true;
      current.endLabel = armour[2];
      current = undefined;
    } else {
      const header = HEADER.exec(line);
      if (header && current.body === '') current.headers[header[1]] = header[2];
      else current.body += line.replace(/\s+/g, '');
    }
  }
  return blocks;
}

/** The block as canonical PEM text: LF line ends, 64-column body, headers kept, no trailing newline. */
export function pemBlockText(block: PemBlock): string {
  const headerLines = Object.keys(block.headers).map((k) => `${k}: ${block.headers[k]}`);
  const lines = block.body.match(/.{1,64}/g) || [];
  return [`-----BEGIN ${block.label}-----`, ...headerLines, ...(headerLines.length ? [''] : []), ...lines, `-----END ${block.label}-----`].join('\n');
}

/**
 * What a PEM block holds, for a signer that needs an RSA private key: the one rule by which Node
 * (credentials/private-key.ts) and the sandbox (key-parse.ts) classify a pasted key; each words its own message.
 */
export type PemKeyKind = 'rsa-pkcs1' | 'pkcs8' | 'encrypted' | 'public-key' | 'certificate' | 'openssh' | 'ec' | 'dsa' | 'other';

export function pemKeyKind(block: { label: string; headers?: Record<string, string> }): PemKeyKind {
  const label = block.label;
  if (label === 'ENCRYPTED PRIVATE KEY' || /ENCRYPTED/i.test((block.headers && block.headers['Proc-Type']) || '')) return 'encrypted';
  if (label === 'RSA PRIVATE KEY') return 'rsa-pkcs1';
  if (label === 'PRIVATE KEY') return 'pkcs8';
  if (label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY') return 'public-key';
  if (label === 'CERTIFICATE' || label === 'TRUSTED CERTIFICATE' || label === 'X509 CERTIFICATE') return 'certificate';
  if (label === 'OPENSSH PRIVATE KEY') return 'openssh';
  if (label === 'EC PRIVATE KEY') return 'ec';
  if (label === 'DSA PRIVATE KEY') return 'dsa';
  return 'other';
}

export function isEncryptedPemBlock(block: PemBlock): boolean {
  return pemKeyKind(block) === 'encrypted';
}

/** The one way out of an encrypted key, in Node's messages and the sandbox's. */
export const DECRYPT_HINT = 'decrypt it first: openssl pkey -in k.pem -out plain.pem (then keep plain.pem private)';
export const ENCRYPTED_KEY = 'the private key is encrypted: ' + DECRYPT_HINT;

/**
 * The private key's DER from pasted PEM text. A file may bundle a certificate with the key: a private key block
 * is preferred, whatever its position. Messages say what to paste and never quote key material.
 */
export function pemDecode(text: string): { label: string; der: Uint8Array } {
  if (typeof text !== 'string' || text.trim() === '') throw new Error('the private key is empty: paste the PEM text of the key');
  const blocks = findPemBlocks(normalizePemText(text));
  const block = blocks.filter((b) => /PRIVATE KEY$/.test(b.label))[0] || blocks[0];
  if (!block) {
    throw new Error('the private key is not PEM text: paste the whole .key.pem file, from its BEGIN line to its END line');
  }
  if (!block.complete) throw new Error('the private key PEM is truncated: its END line is missing');
  if (block.endLabel !== block.label) throw new Error('the private key PEM is malformed: BEGIN ' + block.label + ' ends with END ' + block.endLabel);
  if (isEncryptedPemBlock(block)) throw new Error(ENCRYPTED_KEY);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(block.body) || block.body.length % 4 !== 0) {
    throw new Error('the private key PEM body is not valid base64 (truncated or corrupted?)');
  }
  return { label: block.label, der: base64Decode(block.body) };
}

export function pemEncode(label: string, der: Uint8Array): string {
  const lines = base64Encode(der).match(/.{1,64}/g) || [];
  return '-----BEGIN ' + label + '-----\n' + lines.join('\n') + '\n-----END ' + label + '-----\n';
}
