/**
 * Loading and validating the service account's RSA private key (PKCS#1 or PKCS#8 PEM) with node:crypto.
 * Every failure is a typed error whose message names where the key came from and what to do.
 */
import { createPrivateKey, KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import {
  KeyCorruptError, KeyEmptyError, KeyEncryptedError, KeyFileNotFoundError, KeyFileUnreadableError, KeyIsCertificateError,
  KeyIsDerError, KeyIsPublicError, KeyMissingError, KeyNotPemError, KeyNotRsaError, KeyTooShortError, KeyTruncatedError,
  KeyUnsupportedFormatError,
} from './errors';
import { MIN_RSA_BITS } from '../idcloud/claims';
import { DECRYPT_HINT, findPemBlocks, normalizePemText, pemBlockText, pemKeyKind, PemBlock } from '../sandbox/crypto/pem';
import { isShortDer } from './der-length';
import { readInputFile } from './read-file';

export interface PrivateKeyInfo {
  /** Normalised PEM text (LF, trimmed) as given: PKCS#1 or PKCS#8. A secret: never log or write it. */
  pem: string;
  format: 'pkcs1' | 'pkcs8';
  bits: number;
  keyObject: KeyObject;
  /** File path, or the environment variable name ('IDCLOUD_PRIVATE_KEY') the PEM text came from. */
  source: string;
}

export const PRIVATE_KEY_ENV = 'IDCLOUD_PRIVATE_KEY';
export const PRIVATE_KEY_FILE_ENV = 'IDCLOUD_PRIVATE_KEY_FILE';


/** How messages name the key's origin: an environment variable by its name, a file as "key file PATH". */
export function describeKeySource(source: string): string {
  return /^[A-Z][A-Z0-9_]*$/.test(source) ? source : `key file ${source}`;
}

/** Parses and validates PEM text; `source` names the origin in error messages. */
export function parsePrivateKey(text: string, source: string): PrivateKeyInfo {
  const where = describeKeySource(source);
  const normalized = normalizePemText(text);
  if (normalized === '') throw new KeyEmptyError(`${where} is empty; give the .key.pem file Unico sent with the service account`);

  const blocks = findPemBlocks(normalized);
  const block = pickKeyBlock(blocks, where);
  const format = block.label === 'RSA PRIVATE KEY' ? 'pkcs1' : 'pkcs8';
  const keyObject = decodeKey(block, where);

  const type = keyObject.asymmetricKeyType;
  if (type !== 'rsa') {
    throw new KeyNotRsaError(`${where} is not an RSA key (it is ${describeKeyType(type)}); Unico signs with RS256, which needs an RSA private key (use the .key.pem Unico sent, or keygen)`);
  }
  const bits = keyObject.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    throw new KeyTooShortError(`${where} is a ${bits}-bit RSA key; RS256 needs at least ${MIN_RSA_BITS} bits — use the key Unico issued, or make one with keygen --bits 2048`);
  }
  return redactedWhenPrinted({ pem: pemBlockText(block), format, bits, keyObject, source });
}

/**
 * Defence in depth: if a PrivateKeyInfo (or Credentials holding one) is ever logged, JSON-serialised or
 * inspected by mistake, only its description comes out. The fields themselves stay as they are.
 */
function redactedWhenPrinted(info: PrivateKeyInfo): PrivateKeyInfo {
  const described = () => ({ format: info.format, bits: info.bits, source: info.source, pem: '[redacted]' });
  Object.defineProperty(info, 'toJSON', { value: described, enumerable: false });
  Object.defineProperty(info, inspect.custom, { value: () => `PrivateKeyInfo ${inspect(described())}`, enumerable: false });
  return info;
}

/**
 * Loads the key from `file`, else `IDCLOUD_PRIVATE_KEY_FILE`, else the PEM text in `IDCLOUD_PRIVATE_KEY`.
 * An explicit file wins over the environment, as flags do everywhere in the CLI.
 */
export function loadPrivateKey(opts: { file?: string; env?: NodeJS.ProcessEnv }): PrivateKeyInfo {
  const env = opts.env ?? {};
  const file = nonEmpty(opts.file) ?? nonEmpty(env[PRIVATE_KEY_FILE_ENV]);
  if (file) {
    const bytes = readInputFile(file, 'key file', KeyFileNotFoundError, KeyFileUnreadableError);
    if (looksLikeDer(bytes)) {
      throw new KeyIsDerError(`key file ${file} is binary DER, not PEM; convert it: openssl pkey -inform DER -in ${file} -out key.pem`);
    }
    return parsePrivateKey(bytes.toString('utf8'), file);
  }
  const inline = env[PRIVATE_KEY_ENV];
  if (inline !== undefined) return parsePrivateKey(inline, PRIVATE_KEY_ENV);
  throw new KeyMissingError(`no private key: give --key FILE, or set ${PRIVATE_KEY_FILE_ENV} (a path) or ${PRIVATE_KEY_ENV} (the PEM text)`);
}

function pickKeyBlock(blocks: PemBlock[], where: string): PemBlock {
  if (blocks.length === 0) {
    throw new KeyNotPemError(`${where} is not a PEM private key (no -----BEGIN ... PRIVATE KEY----- line); give the .key.pem file Unico sent`);
  }
  // A bundle (key + certificate in one file) is fine: use its private key.
  const privateBlock = blocks.find((b) => /PRIVATE KEY$/.test(b.label));
  if (!privateBlock) {
    const label = blocks[0].label;
    const kind = pemKeyKind(blocks[0]);
    if (kind === 'certificate') {
      throw new KeyIsCertificateError(`${where} holds an X.509 certificate, not a private key; give the NAME.key.pem file (the certificate belongs in --cert)`);
    }
    if (kind === 'public-key') {
      throw new KeyIsPublicError(`${where} holds a public key; signing needs the private key — give the NAME.key.pem file (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)`);
    }
    throw new KeyNotPemError(`${where} holds a PEM "${label}" block, not a private key; give the .key.pem file Unico sent`);
  }
  const label = privateBlock.label;
  const kind = pemKeyKind(privateBlock);
  if (kind === 'encrypted') {
    throw new KeyEncryptedError(`${where} is encrypted with a passphrase; ${DECRYPT_HINT}`);
  }
  if (kind === 'openssh') {
    throw new KeyUnsupportedFormatError(`${where} is an OpenSSH key; convert it to PEM: ssh-keygen -p -m PEM -f ${where.replace(/^key file /, '')}`);
  }
  if (kind === 'ec' || kind === 'dsa') {
    throw new KeyNotRsaError(`${where} is not an RSA key (it is ${label.split(' ')[0]}); Unico signs with RS256, which needs an RSA private key (use the .key.pem Unico sent, or keygen)`);
  }
  if (kind !== 'pkcs8' && kind !== 'rsa-pkcs1') {
    throw new KeyUnsupportedFormatError(`${where} holds a "${label}" block; give an RSA key as BEGIN PRIVATE KEY (PKCS#8) or BEGIN RSA PRIVATE KEY (PKCS#1)`);
  }
  if (!privateBlock.complete) {
    throw new KeyTruncatedError(`${where} is cut off (no -----END ${label}----- line); copy the whole file again`);
  }
  return privateBlock;
}

function decodeKey(block: PemBlock, where: string): KeyObject {
  const der = Buffer.from(block.body, 'base64');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(block.body) || der.length === 0) {
    throw new KeyCorruptError(`${where} has characters that are not base64 inside the ${block.label} block; copy the file again without edits`);
  }
  if (isShortDer(der)) {
    throw new KeyTruncatedError(`${where} is truncated (the ${block.label} block is shorter than it declares); copy the whole file again`);
  }
  try {
    return createPrivateKey({ key: pemBlockText(block), format: 'pem' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (/INTERRUPTED_OR_CANCELLED|BAD_DECRYPT/.test(code)) throw new KeyEncryptedError(`${where} is encrypted with a passphrase; ${DECRYPT_HINT}`, { cause: error });
    throw new KeyCorruptError(`${where} does not decode as a ${block.label} (damaged or edited); copy the file again, or make a new key with keygen`, { cause: error });
  }
}

function describeKeyType(type: string | undefined): string {
  switch (type) {
    case 'ec': return 'EC';
    case 'ed25519': return 'Ed25519';
    case 'ed448': return 'Ed448';
    case 'rsa-pss': return 'RSA-PSS';
    case 'dsa': return 'DSA';
    default: return type ?? 'unknown';
  }
}

/** DER private keys start with a SEQUENCE and are not text; PEM files start with text. */
function looksLikeDer(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes[0] === 0x30 && (bytes[1] === 0x82 || bytes[1] === 0x81);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
