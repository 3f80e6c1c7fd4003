/** JSON files named on the command line: one reading, one-line typed errors naming the flag and the file. */
import { readJson } from '../../json-file';
import type { ErrorClassOptions, InputError } from '../../errors';

export type InputErrorClass = new (message: string, options?: ErrorClassOptions) => InputError;

/**
 * The parsed JSON of `file`, given by `flag`. `expected` says what the file should be ("a Postman v2.1
 * collection file"), for the message when it is not JSON.
 */
export function readJsonFile(file: string, flag: string, ErrorClass: InputErrorClass, expected: string): unknown {
  const read = readJson(file);
  if (read.ok) return read.value;
  if (read.problem === 'unreadable') throw new ErrorClass(`${flag}: cannot read ${file} (${read.code}); check the path`, { cause: read.cause });
  throw new ErrorClass(`${flag}: ${file} is not valid JSON (${read.detail}); give ${expected}`, { cause: read.cause });
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
