/**
 * Accounts the emulator knows: the accounts file (cli-contract.md "Emulator"), public key/certificate
 * parsing, and lookup by `iss`. Every failure names the file and field and says what to do.
 */
import { createPublicKey, KeyObject, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ISS_EXAMPLE, MIN_RSA_BITS, parseIss } from '../idcloud/claims';
import { AccountKeyError, AccountsFileFormatError, AccountsFileUnreadableError } from './errors';
import { readJson } from '../json-file';
import { ALL_CAPABILITIES, Capability, CAPABILITIES, isCapability } from './product/capabilities';
import { parseWebhook, WebhookConfig } from './product/webhook-config';
import { ACCOUNT_STATUSES, AccountStatus, EmulatorAccount } from './types';

export interface RegisteredAccount {
  iss: string;
  account: string;
  tenant: string;
  publicKey: KeyObject;
  /** The key as SPKI PEM text: the HMAC secret of the `accept-hs256` flaw's algorithm confusion. */
  spkiPem: string;
  apiKey?: string;
  status: AccountStatus;
  capabilities: ReadonlySet<Capability>;
  webhook?: WebhookConfig;
}

export interface AccountRegistry {
  byIss: ReadonlyMap<string, RegisteredAccount>;
  tenants: ReadonlySet<string>;
}

export type AccountLookup =
  | { kind: 'found'; account: RegisteredAccount }
  /** The tenant exists but no account of that name: answered like a key that cannot validate the JWT. */
  | { kind: 'unknown-account'; tenant: string }
  | { kind: 'unknown-tenant' };


/** Reads `{"accounts":[...]}`; `publicKey` paths are resolved against the file's folder and read into PEM text. */
export function loadAccountsFile(file: string): EmulatorAccount[] {
  const read = readJson(file);
  if (!read.ok && read.problem === 'unreadable') throw new AccountsFileUnreadableError(`--accounts: cannot read ${file}; check the path`, { cause: read.cause });
  if (!read.ok) throw new AccountsFileFormatError(`--accounts: ${file} is not valid JSON (${read.detail})`, { cause: read.cause });
  const parsed = read.value;
  const list = (parsed as { accounts?: unknown } | null)?.accounts;
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray(list)) {
    throw new AccountsFileFormatError(`--accounts: ${file} must hold {"accounts":[{"iss":"…","publicKey":"svc.pub.pem"}]}`);
  }
  const baseDir = path.dirname(path.resolve(file));
  const accounts = list.map((entry, index) => readAccountEntry(entry, `${file}: accounts[${index}]`));
  const withKeys = accounts.map((account, index) => ({
    ...account,
    publicKey: readPublicKeyText(account.publicKey, baseDir, `${file}: accounts[${index}].publicKey`),
  }));
  registerAccounts(withKeys, baseDir, `${file}: `);
  return withKeys;
}

function readAccountEntry(entry: unknown, where: string): EmulatorAccount {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new AccountsFileFormatError(`${where} must be an object with iss and publicKey`);
  }
  const { iss, publicKey, apiKey, status, capabilities, webhook } = entry as Record<string, unknown>;
  if (typeof iss !== 'string') throw new AccountsFileFormatError(`${where}.iss must be a string like ${ISS_EXAMPLE}`);
  if (typeof publicKey !== 'string' || publicKey.trim() === '') {
    throw new AccountsFileFormatError(`${where}.publicKey must be a path to a public key or certificate PEM, or the PEM text`);
  }
  if (apiKey !== undefined && typeof apiKey !== 'string') throw new AccountsFileFormatError(`${where}.apiKey must be a string`);
  if (status !== undefined && !isAccountStatus(status)) {
    throw new AccountsFileFormatError(`${where}.status must be one of ${ACCOUNT_STATUSES.join(', ')}`);
  }
  return {
    iss,
    publicKey,
    ...(apiKey !== undefined && { apiKey }),
    ...(status !== undefined && { status }),
    // Checked, with the field named, by registerAccounts (the library path takes the same checks).
    ...(capabilities !== undefined && { capabilities: capabilities as Capability[] }),
    ...(webhook !== undefined && { webhook: webhook as WebhookConfig }),
  };
}

function isAccountStatus(value: unknown): value is AccountStatus {
  return typeof value === 'string' && (ACCOUNT_STATUSES as readonly string[]).includes(value);
}

/** PEM text is kept as is; anything else is a file path (relative to `baseDir`) whose text is read. */
function readPublicKeyText(value: string, baseDir: string, where: string): string {
  if (value.includes('-----BEGIN')) return value;
  const file = path.resolve(baseDir, value);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new AccountKeyError(`${where}: cannot read ${file}; give the path of the account's .pub.pem or certificate`);
  }
}

/** Parses a public key or X.509 certificate PEM; refuses private keys (never hand the emulator a secret). */
function parsePublicKey(pem: string, where: string): KeyObject {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new AccountKeyError(`${where} holds a private key; give the public key (keygen's NAME.pub.pem) or the certificate`);
  }
  let key: KeyObject;
  try {
    key = pem.includes('-----BEGIN CERTIFICATE-----') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
  } catch {
    throw new AccountKeyError(`${where} is not a readable public key or certificate PEM`);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== 'rsa' || bits < MIN_RSA_BITS) {
    throw new AccountKeyError(`${where} must be an RSA key of at least ${MIN_RSA_BITS} bits (RS256)`);
  }
  return key;
}

/** Validates and indexes accounts; `publicKey` paths are resolved against `baseDir`. */
export function registerAccounts(accounts: readonly EmulatorAccount[], baseDir = process.cwd(), wherePrefix = ''): AccountRegistry {
  if (!Array.isArray(accounts) || accounts.length === 0) {
    throw new AccountsFileFormatError(`${wherePrefix}accounts: give at least one account`);
  }
  const byIss = new Map<string, RegisteredAccount>();
  const tenants = new Set<string>();
  accounts.forEach((entry, index) => {
    const where = `${wherePrefix}accounts[${index}]`;
    const parts = typeof entry?.iss === 'string' ? parseIss(entry.iss) : undefined;
    if (!parts) throw new AccountsFileFormatError(`${where}.iss must look like ${ISS_EXAMPLE}`);
    if (byIss.has(entry.iss)) throw new AccountsFileFormatError(`${where}.iss ${entry.iss} is listed twice`);
    if (entry.status !== undefined && !isAccountStatus(entry.status)) {
      throw new AccountsFileFormatError(`${where}.status must be one of ${ACCOUNT_STATUSES.join(', ')}`);
    }
    if (typeof entry.publicKey !== 'string') throw new AccountsFileFormatError(`${where}.publicKey must be a string`);
    const publicKey = parsePublicKey(readPublicKeyText(entry.publicKey, baseDir, `${where}.publicKey`), `${where}.publicKey`);
    byIss.set(entry.iss, {
      iss: entry.iss,
      ...parts,
      publicKey,
      spkiPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      apiKey: entry.apiKey,
      status: entry.status ?? 'active',
      capabilities: readCapabilities(entry.capabilities, where),
      ...(entry.webhook !== undefined && { webhook: readWebhook(entry.webhook, where) }),
    });
    tenants.add(parts.tenant);
  });
  return { byIss, tenants };
}

function readCapabilities(value: unknown, where: string): ReadonlySet<Capability> {
  if (value === undefined) return ALL_CAPABILITIES;
  const unknown = Array.isArray(value) ? value.find((name) => !isCapability(name)) : undefined;
  if (!Array.isArray(value) || unknown !== undefined) {
    const what = Array.isArray(value) ? `"${String(unknown)}" is not a capability; ` : 'must be a list; ';
    throw new AccountsFileFormatError(`${where}.capabilities: ${what}use some of ${Object.keys(CAPABILITIES).join(', ')} (omit the field for all)`);
  }
  return new Set(value as Capability[]);
}

function readWebhook(value: unknown, where: string): WebhookConfig {
  const parsed = parseWebhook(value);
  if (!parsed.ok) throw new AccountsFileFormatError(`${where}.${parsed.field} ${parsed.message}`);
  return parsed.value;
}

export function lookupAccount(registry: AccountRegistry, iss: string): AccountLookup {
  const account = registry.byIss.get(iss);
  if (account) return { kind: 'found', account };
  const parts = parseIss(iss);
  if (parts && registry.tenants.has(parts.tenant)) return { kind: 'unknown-account', tenant: parts.tenant };
  return { kind: 'unknown-tenant' };
}

/** The `accept-wrong-tenant` flaw: an account of the same name at any tenant, else the first account. */
export function anyAccountNamed(registry: AccountRegistry, iss: string): RegisteredAccount {
  const name = iss.split('@')[0];
  const all = [...registry.byIss.values()];
  return all.find((account) => account.account === name) ?? all[0];
}

/** The tenant of an iss, when it is one the emulator knows (rate-limit buckets exist only for these). */
export function knownTenantOf(registry: AccountRegistry, iss: unknown): string | undefined {
  if (typeof iss !== 'string') return undefined;
  const tenant = parseIss(iss)?.tenant;
  return tenant !== undefined && registry.tenants.has(tenant) ? tenant : undefined;
}
