/**
 * PEM armour ⇄ DER. Tolerant of how keys arrive through Postman variables and environment files: CRLF,
 * surrounding whitespace or quotes, and literal "\n" sequences (a PEM pasted as one JSON-escaped line).
 */
import { base64Decode, base64Encode } from './base64';

export interface PemBlock {
  /** The label after BEGIN, e.g. "RSA PRIVATE KEY", "PRIVATE KEY". */
  label: string;
  der: Uint8Array;
}

export const ENCRYPTED_KEY = 'the private key is encrypted: decrypt it first (openssl pkey -in KEY -out KEY.dec.pem)';

export function pemDecode(text: string): PemBlock {
  if (typeof text !== 'string' || text.trim() === '') throw new Error('the private key is empty: paste the PEM text of the key');
  // Literal backslash escapes first: "\n" ends in a base64 letter, so it must not survive into the body.
  const normal = text.replace(/\\r/g, '').replace(/\\n/g, '\n').replace(/\r/g, '');
  // A file may bundle a certificate with the key: prefer a private key block, whatever its position.
  const blocks = normal.match(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g) || [];
  const chosen = blocks.filter((b) => /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(b))[0] || blocks[0];
  const match = chosen && /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/.exec(chosen);
  if (!match) {
    throw new Error(
      /-----BEGIN /.test(normal)
        ? 'the private key PEM is truncated: its END line is missing'
        : 'the private key is not PEM text: paste the whole .key.pem file, from its BEGIN PRIVATE KEY (or BEGIN RSA PRIVATE KEY) line to its END line',
    );
  }
  const label = match[1];
  if (match[3] !== label) throw new Error('the private key PEM is malformed: BEGIN ' + label + ' ends with END ' + match[3]);
  if (/Proc-Type:\s*4,ENCRYPTED/.test(match[2])) {
    throw new Error(ENCRYPTED_KEY);
  }
  const body = match[2].replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0) {
    throw new Error('the private key PEM body is not valid base64 (truncated or corrupted?)');
  }
  return { label, der: base64Decode(body) };
}

export function pemEncode(label: string, der: Uint8Array): string {
  const lines = base64Encode(der).match(/.{1,64}/g) || [];
  return '-----BEGIN ' + label + '-----\n' + lines.join('\n') + '\n-----END ' + label + '-----\n';
}
