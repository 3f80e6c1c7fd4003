/**
 * Throwaway service accounts for the emulator (`keygen`, `demo`, tests): an RSA key pair and a base
 * payload in Unico's shape. Never for Unico's real environments, which issue their own keys.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_ASSERTION_LIFETIME_SECONDS, MIN_RSA_BITS, REQUIRED_SCOPE } from '../idcloud/claims';
import { AccountInvalidError, FileExistsError, KeySizeInvalidError, NameInvalidError, TenantInvalidError, WriteFailedError } from './errors';

export interface ServiceAccount {
  iss: string;
  /** PKCS#8 PEM. A secret. */
  privateKeyPem: string;
  /** SPKI PEM: what the emulator's accounts file (or Unico) registers. */
  publicKeyPem: string;
  /** Unico's base payload shape: iss, aud (when given), scope, iat, exp. */
  payload: Record<string, unknown>;
}

export interface ServiceAccountFiles {
  keyFile: string;
  payloadFile: string;
  publicKeyFile: string;
}

const ACCOUNT_PATTERN = /^[A-Za-z0-9._-]{1,12}$/;
const TENANT_PATTERN = /^[A-Za-z0-9-]{1,64}$/;
const NAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
export const DEFAULT_ACCOUNT = 'svcaccount';

export function generateServiceAccount(opts: { account?: string; tenant?: string; bits?: number; aud?: string; nowSeconds?: number } = {}): ServiceAccount {
  const account = opts.account ?? DEFAULT_ACCOUNT;
  const tenant = opts.tenant ?? randomUUID();
  const bits = opts.bits ?? MIN_RSA_BITS;
  if (!ACCOUNT_PATTERN.test(account)) {
    throw new AccountInvalidError(`--account "${account}": use 1 to 12 letters, digits, ".", "_" or "-" (Unico's limit)`);
  }
  if (!TENANT_PATTERN.test(tenant)) throw new TenantInvalidError(`--tenant "${tenant}": use letters, digits and "-" (a UUID, as Unico issues)`);
  if (!Number.isInteger(bits) || bits < MIN_RSA_BITS || bits > 8192 || bits % 8 !== 0) {
    throw new KeySizeInvalidError(`--bits ${bits}: use a multiple of 8 from ${MIN_RSA_BITS} to 8192 (Unico issues 2048)`);
  }
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: 0x10001 });
  const iss = `${account}@${tenant}.iam.acesso.io`;
  const iat = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
  // iat/exp only show the shape: every signer recomputes them, as it does aud.
  const payload = { iss, ...(opts.aud ? { aud: opts.aud } : {}), scope: REQUIRED_SCOPE, iat, exp: iat + MAX_ASSERTION_LIFETIME_SECONDS };
  return {
    iss,
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    payload,
  };
}

export function serviceAccountFiles(dir: string, name: string): ServiceAccountFiles {
  if (!NAME_PATTERN.test(name) || name.startsWith('.')) {
    throw new NameInvalidError(`--name "${name}": use letters, digits, ".", "_" or "-" (it becomes NAME.key.pem)`);
  }
  return {
    keyFile: path.join(dir, `${name}.key.pem`),
    payloadFile: path.join(dir, `${name}.payload.json`),
    publicKeyFile: path.join(dir, `${name}.pub.pem`),
  };
}

/**
 * Writes NAME.key.pem (mode 0600), NAME.payload.json and NAME.pub.pem. Refuses to replace any existing
 * file unless `force`, checking all three before writing one, so a refusal leaves nothing half-written.
 */
export function writeServiceAccount(dir: string, name: string, account: ServiceAccount, opts: { force?: boolean } = {}): ServiceAccountFiles {
  const files = serviceAccountFiles(dir, name);
  if (!opts.force) {
    for (const file of Object.values(files)) {
      if (fs.existsSync(file)) throw new FileExistsError(`${file} already exists; pick another --name or --out, or pass --force to replace it`);
    }
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
    writeFile(files.keyFile, account.privateKeyPem, 0o600, opts.force);
    writeFile(files.payloadFile, `${JSON.stringify(account.payload, null, 2)}\n`, 0o644, opts.force);
    writeFile(files.publicKeyFile, account.publicKeyPem, 0o644, opts.force);
  } catch (error) {
    if (error instanceof FileExistsError) throw error;
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EEXIST') throw new FileExistsError(`${e.path ?? dir} already exists; pick another --name or --out, or pass --force`, { cause: error });
    throw new WriteFailedError(`--out ${dir}: cannot write the account files (${e.code ?? e.message}); check the folder and its permissions`, { cause: error });
  }
  return files;
}

function writeFile(file: string, text: string, mode: number, force?: boolean): void {
  fs.writeFileSync(file, text, { mode, flag: force ? 'w' : 'wx' });
  // writeFileSync applies `mode` only when it creates the file: enforce it when --force replaced one.
  fs.chmodSync(file, mode);
}
