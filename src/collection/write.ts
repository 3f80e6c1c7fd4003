/** Writing generated files atomically: a temp file beside the target, then rename. Never half-written output. */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors';

export class OutputDirectoryError extends InputError {
  constructor(message: string) {
    super('ERR_OUTPUT_DIRECTORY', message);
  }
}

/** Stable formatting: tab-indented JSON (as Postman exports) with a final newline, so regenerated files diff cleanly. */
export function jsonText(value: object): string {
  return `${JSON.stringify(value, null, '\t')}\n`;
}

export function ensureDirectory(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new OutputDirectoryError(`--out: cannot create ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); give a writable directory`);
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
    throw new OutputDirectoryError(`--out: cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the directory's permissions`);
  }
}
