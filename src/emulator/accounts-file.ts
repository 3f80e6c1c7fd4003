/**
 * Writing the emulator's accounts file (`emulator --accounts FILE` reads it as it is): `keygen` adds the account
 * it made, `demo --write-key` writes its throwaway one. Entries are kept as written, apart from the one replaced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { jsonText, writeFileAtomic } from '../collection/write';
import { AccountsFileFormatError } from './errors';
import { readJson } from '../json-file';

/** One account as the file holds it; `publicKey` relative to the file's folder. */
export interface AccountsFileEntry {
  iss: string;
  publicKey: string;
  apiKey?: string;
  status?: string;
}

/** The file's entries (each as written), [] when it does not exist; an unreadable or malformed file is refused. */
export function readAccountsFileEntries(file: string): Record<string, unknown>[] {
  if (!fs.existsSync(file)) return [];
  const read = readJson(file);
  if (!read.ok) {
    const problem = read.problem === 'unreadable' ? `cannot be read (${read.code})` : `is not valid JSON (${read.detail})`;
    throw new AccountsFileFormatError(`--accounts: ${file} ${problem}; fix it or give another --accounts`, { cause: read.cause });
  }
  const parsed = read.value;
  const list = (parsed as { accounts?: unknown } | null)?.accounts;
  if (!Array.isArray(list)) throw new AccountsFileFormatError(`--accounts: ${file} must hold {"accounts":[…]}; fix it or give another --accounts`);
  return list as Record<string, unknown>[];
}

/**
 * The accounts file with `entry` in it: an entry with the same iss or the same public key file (a key replaced
 * by `keygen --force`) is replaced, the others kept. Mode 0600: it holds API keys. Says whether the file existed.
 */
export function addToAccountsFile(file: string, entry: AccountsFileEntry, existing = readAccountsFileEntries(file)): { existed: boolean } {
  const existed = fs.existsSync(file);
  const kept = existing.filter((e) => e.iss !== entry.iss && e.publicKey !== entry.publicKey);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, jsonText({ accounts: [...kept, { ...entry, status: entry.status ?? 'active' }] }), 0o600);
  return { existed };
}

/** `publicKeyFile` as the accounts file names it: relative to the file's folder, with `/`. */
export function publicKeyPathFor(accountsFile: string, publicKeyFile: string): string {
  return path.relative(path.dirname(path.resolve(accountsFile)), path.resolve(publicKeyFile)).split(path.sep).join('/');
}
