/**
 * `doctor --cert FILE`: does the public key or certificate registered with Unico (or given to the
 * emulator) belong to this private key? A mismatch is Unico's 1.2.5/1.2.21 "wrong private key".
 */
import { createPublicKey, KeyObject, X509Certificate } from 'node:crypto';
import { CertExpiredError, CertFileNotFoundError, CertInvalidError, CertMismatchError } from './errors';
import type { Problem } from './audience';
import { findPemBlocks, normalizePemText, pemBlockText } from '../sandbox/crypto/pem';
import type { PrivateKeyInfo } from './private-key';
import { readInputFile } from './read-file';

export interface CertificateCheck {
  /** 'certificate' or 'public key'. */
  kind: string;
  problems: Problem[];
}

/** Parses a certificate or public key PEM file into its public key; throws typed errors. */
export function loadPublicKeyOrCertificate(file: string): { kind: string; publicKey: KeyObject; certificate?: X509Certificate } {
  const where = `certificate file ${file}`;
  const text = normalizePemText(readInputFile(file, 'certificate file', CertFileNotFoundError, CertInvalidError).toString('utf8'));
  const block = findPemBlocks(text).find((b) => b.label === 'CERTIFICATE' || /PUBLIC KEY$/.test(b.label));
  if (!block) {
    throw new CertInvalidError(`${where} holds no BEGIN CERTIFICATE or BEGIN PUBLIC KEY block; give the certificate (openssl req -x509 ...) or public key PEM`);
  }
  try {
    if (block.label === 'CERTIFICATE') {
      const certificate = new X509Certificate(pemBlockText(block));
      return { kind: 'certificate', publicKey: certificate.publicKey, certificate };
    }
    return { kind: 'public key', publicKey: createPublicKey(pemBlockText(block)) };
  } catch {
    throw new CertInvalidError(`${where}: the ${block.label} block does not decode (damaged or cut off); copy the file again`);
  }
}

export function checkKeyMatchesCertificate(key: PrivateKeyInfo, file: string, now: Date = new Date()): CertificateCheck {
  const { kind, publicKey, certificate } = loadPublicKeyOrCertificate(file);
  const problems: Problem[] = [];
  if (!spkiOf(createPublicKey(key.keyObject)).equals(spkiOf(publicKey))) {
    problems.push(new CertMismatchError(`${kind} ${file} does not belong to the private key ${key.source}; Unico would answer 1.2.5/1.2.21 — pair the key with its own ${kind}`));
  }
  if (certificate && new Date(certificate.validTo).getTime() < now.getTime()) {
    problems.push(new CertExpiredError(`certificate ${file} expired on ${certificate.validTo}; make a new one: openssl req -x509 -new -nodes -sha256 -days 720 -key NAME.key.pem -out NAME.cert.pem`));
  }
  return { kind, problems };
}

function spkiOf(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }) as Buffer;
}
