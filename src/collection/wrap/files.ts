/**
 * `wrap`'s files: reading the input collection (one-line errors naming it) and writing the wrapped collection
 * under its own file name plus one environment file per environment, atomically, never over the input.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Environment } from '../../environments';
import { environmentFile, EnvironmentValues } from '../environment-file';
import { writeCollectionFiles, WrittenFiles } from '../write';
import { WrapFileNotFoundError, WrapFileUnreadableError, WrapNotJsonError, WrapOverwritesInputError } from './errors';

export function readCollectionFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WrapFileNotFoundError(`${file}: no such file; give the path of a Postman collection export (…postman_collection.json)`, { cause: error });
    if (code === 'EISDIR') throw new WrapFileUnreadableError(`${file}: is a directory; give the path of a Postman collection export (…postman_collection.json)`, { cause: error });
    throw new WrapFileUnreadableError(`${file}: cannot be read (${code ?? 'error'}); check its permissions`, { cause: error });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new WrapNotJsonError(`${file}: not JSON (${(error as Error).message.split('\n')[0]}); give a Postman collection export (…postman_collection.json)`, { cause: error });
  }
}

/** True when both paths name the same file (also through a symlink or a hard link). */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = [fs.statSync(a), fs.statSync(b)];
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export type WrappedFiles = WrittenFiles;

/** The wrapped collection goes to `outDir/<input's file name>`: refused when that is the input itself. */
export function wrappedCollectionPath(inputFile: string, outDir: string): string {
  const target = path.join(outDir, path.basename(inputFile));
  if (sameFile(target, inputFile)) {
    throw new WrapOverwritesInputError(`--out: ${target} is the input ${inputFile}; wrap never writes over its input, give another directory`);
  }
  return target;
}

export function writeWrappedFiles(inputFile: string, outDir: string, collection: object, environments: readonly Environment[], values: EnvironmentValues): WrappedFiles {
  const collectionFile = wrappedCollectionPath(inputFile, outDir);
  return writeCollectionFiles(outDir, path.basename(collectionFile), collection, environments.map((env) => environmentFile(env, values)));
}
