import fs from 'node:fs';
import { IdcloudPostmanError } from '../errors';
import type { ErrorClassOptions } from '../errors';
import { CredentialError } from './errors';

type ErrorClass = new (message: string, options?: ErrorClassOptions) => CredentialError;

/**
 * Reads a user-named input file, turning the usual failures into one-line typed errors.
 * `what` names the input in messages, e.g. "key file" or "payload file".
 */
export function readInputFile(file: string, what: string, notFound: ErrorClass, unreadable: ErrorClass): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new notFound(`${what} ${file} does not exist; check the path`, { cause: error });
    if (code === 'EISDIR') throw new unreadable(`${what} ${file} is a folder; give the file inside it`, { cause: error });
    if (code === 'EACCES' || code === 'EPERM') throw new unreadable(`${what} ${file} cannot be read (permission denied); check its permissions`, { cause: error });
    throw new unreadable(`${what} ${file} cannot be read (${code ?? 'unknown error'}); check the path`, { cause: error });
  }
}

/**
 * Runs `load`; a library error is re-thrown with `origin` in front (`IDCLOUD_UAT_PRIVATE_KEY_FILE: key file … does
 * not exist`), so the one line names the variable or config field the input came from. No origin: as it is.
 */
export function withOrigin<T>(origin: string | undefined, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (origin && error instanceof IdcloudPostmanError && !error.message.startsWith(origin)) error.message = `${origin}: ${error.message}`;
    throw error;
  }
}
