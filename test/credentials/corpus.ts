/**
 * The bad-input corpus: real files written at test time into a temp folder, each wrong in one way.
 * Shared by the unit tests (parsePrivateKey/loadPayload) and the CLI tests (doctor through the binary).
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_ISS, testKeyPair } from '../helpers/keys';
import type { CredentialError } from '../../src/credentials';

export interface Corpus {
  dir: string;
  /** A valid PKCS#8 key and payload, to pair with each bad input. */
  goodKey: string;
  goodPkcs1Key: string;
  goodPayload: string;
  goodPublicKey: string;
  /** Every line of the good key's PEM body: none may appear in any output. */
  secretLines: string[];
  file(name: string, content: string | Buffer): string;
  payload(claims: Record<string, unknown>, name?: string): string;
}

export function makeCorpus(): Corpus {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-creds-'));
  const pair = testKeyPair(2048);
  const file = (name: string, content: string | Buffer) => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, content);
    return target;
  };
  const payload = (claims: Record<string, unknown>, name = `payload-${Math.random().toString(36).slice(2)}.json`) => file(name, JSON.stringify(claims));
  return {
    dir,
    goodKey: file('good.key.pem', pair.pkcs8Pem),
    goodPkcs1Key: file('good-pkcs1.key.pem', pair.pkcs1Pem),
    goodPayload: payload({ iss: TEST_ISS, aud: 'https://identityhomolog.acesso.io', scope: '*', iat: 1626293376, exp: 1626296976 }, 'good.payload.json'),
    goodPublicKey: file('good.pub.pem', pair.spkiPem),
    secretLines: [...pemBodyLines(pair.pkcs8Pem), ...pemBodyLines(pair.pkcs1Pem)],
    file,
    payload,
  };
}

export function pemBodyLines(pem: string): string[] {
  return pem.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));
}

export function ecKeyPem(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'sec1' }).toString();
}

export function ecPkcs8Pem(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function ed25519Pem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function encryptedPkcs8Pem(): string {
  return testKeyPair(2048).privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'secret' }).toString();
}

/** Legacy OpenSSL encryption: `BEGIN RSA PRIVATE KEY` with `Proc-Type: 4,ENCRYPTED`. */
export function encryptedPkcs1Pem(): string {
  return testKeyPair(2048).privateKey.export({ format: 'pem', type: 'pkcs1', cipher: 'aes-256-cbc', passphrase: 'secret' }).toString();
}

/** The file cut off part-way (as when a paste is interrupted): no END line. */
export function truncatedPem(pem: string): string {
  const lines = pem.trim().split('\n');
  return lines.slice(0, Math.floor(lines.length / 2)).join('\n') + '\n';
}

/** Lines lost from the middle but BEGIN/END intact: the DER inside is shorter than it declares. */
export function shortBodyPem(pem: string): string {
  const lines = pem.trim().split('\n');
  return [...lines.slice(0, 6), lines[lines.length - 1]].join('\n') + '\n';
}

export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A self-signed X.509 certificate for `keyFile`, made the way Unico's docs say (openssl req -x509). */
export function certificateFor(keyFile: string, outFile: string): string {
  execFileSync('openssl', ['req', '-x509', '-new', '-nodes', '-sha256', '-days', '720', '-key', keyFile, '-out', outFile, '-subj', '/CN=idcloud-postman test'], { stdio: 'ignore' });
  return outFile;
}

/** The error `fn` throws, typed for assertions on its class, code and message; fails the test when nothing is thrown. */
export function thrown(fn: () => unknown): CredentialError {
  try {
    fn();
  } catch (error) {
    return error as CredentialError;
  }
  throw new Error('expected a throw');
}

/** Asserts the typed error of one bad input: its class, stable code, exit code 2 and message; returns it. */
export function expectCredentialError(fn: () => unknown, cls: new (m: string) => CredentialError, code: string, message: RegExp): CredentialError {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(cls);
  expect(error.code).toBe(code);
  expect(error.exitCode).toBe(2);
  expect(error.message).toMatch(message);
  return error;
}
