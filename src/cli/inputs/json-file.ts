/** JSON files named on the command line: one reading, one-line typed errors naming the flag and the file. */
import fs from 'node:fs';
import type { ErrorClassOptions, InputError } from '../../errors';

export type InputErrorClass = new (message: string, options?: ErrorClassOptions) => InputError;

/**
 * The parsed JSON of `file`, given by `flag`. `expected` says what the file should be ("a Postman v2.1
 * collection file"), for the message when it is not JSON.
 */
export function readJsonFile(file: string, flag: string, ErrorClass: InputErrorClass, expected: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ErrorClass(`${flag}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path`, { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ErrorClass(`${flag}: ${file} is not valid JSON (${(error as Error).message.split('\n')[0]}); give ${expected}`, { cause: error });
  }
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
