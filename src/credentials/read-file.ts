import fs from 'node:fs';
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
