/** Writing generated files atomically: a temp file beside the target, then rename. Never half-written output. */
import fs from 'node:fs';
import path from 'node:path';
import { errorClass, InputError } from '../errors';
import type { EnvironmentFile } from './environment-file';

export class OutputDirectoryError extends errorClass(InputError, 'ERR_OUTPUT_DIRECTORY') {}

/** Stable formatting: tab-indented JSON (as Postman exports) with a final newline, so regenerated files diff cleanly. */
export function jsonText(value: object): string {
  return `${JSON.stringify(value, null, '\t')}\n`;
}

/**
 * The collection's formatting: tab-indented down to the requests and scripts, each of which is one line. About
 * as small as compact JSON (the file is mostly script text), yet a regenerated file still diffs per request.
 * Postman imports any valid JSON.
 */
export function collectionJsonText(value: object): string {
  // Through JSON first, so that undefined members and toJSON() are handled exactly as JSON.stringify does.
  return `${layout(JSON.parse(JSON.stringify(value)), 0)}\n`;
}

/** Depth 4 is a request item (root.item[].item[]) and a script's exec lines (root.event[].script.exec). */
const ONE_LINE_DEPTH = 4;

function layout(value: unknown, depth: number): string {
  if (typeof value !== 'object' || value === null || depth >= ONE_LINE_DEPTH) return JSON.stringify(value);
  const inner = '\t'.repeat(depth + 1);
  const close = '\t'.repeat(depth);
  const parts = Array.isArray(value)
    ? value.map((child) => inner + layout(child, depth + 1))
    : Object.entries(value as Record<string, unknown>).map(([key, child]) => `${inner}${JSON.stringify(key)}: ${layout(child, depth + 1)}`);
  const [open, end] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return parts.length === 0 ? open + end : `${open}\n${parts.join(',\n')}\n${close}${end}`;
}

export function ensureDirectory(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new OutputDirectoryError(`--out: cannot create ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); give a writable directory`, { cause: error });
  }
  if (!fs.statSync(dir).isDirectory()) throw new OutputDirectoryError(`--out: ${dir} is not a directory`);
}

export function writeFileAtomic(file: string, text: string, mode = 0o644): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, text, { mode });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new OutputDirectoryError(`--out: cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the directory's permissions`, { cause: error });
  }
}

export interface WrittenFiles {
  collectionFile: string;
  environmentFiles: string[];
}

/**
 * A collection and its environment files into `outDir`, each atomically (temp file + rename); environment
 * files are private to the user (0600). `generate` and `wrap` both write through here.
 */
export function writeCollectionFiles(outDir: string, collectionFileName: string, collection: object, environments: readonly EnvironmentFile[]): WrittenFiles {
  ensureDirectory(outDir);
  const collectionFile = path.join(outDir, collectionFileName);
  writeFileAtomic(collectionFile, collectionJsonText(collection));
  const environmentFiles = environments.map((env) => {
    const file = path.join(outDir, env.fileName);
    writeFileAtomic(file, jsonText(env.json), 0o600);
    return file;
  });
  return { collectionFile, environmentFiles };
}
