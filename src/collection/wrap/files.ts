/**
 * `wrap`'s files: reading the input collection (one-line errors naming it) and writing the wrapped collection
 * under its own file name plus one environment file per environment, atomically, never over the input. A v3
 * directory (Postman v12) is read and written by src/formats/v3: wrap itself works on v2.1 only.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Environment } from '../../environments';
import { environmentFile, EnvironmentValues, ValuesPerEnvironment, valuesFor } from '../environment-file';
import { writeCollectionFiles, WrittenFiles } from '../write';
import { isDirectory, readV3Collection, safeStem, v3CollectionDir, writeV3Files, type CollectionFormat } from '../../formats/v3';
import { WrapFileNotFoundError, WrapFileUnreadableError, WrapNotJsonError, WrapOverwritesInputError } from './errors';
import { readJson } from '../../json-file';

/** `onLeftOut` hears what a v3 directory held that the v2.1 model leaves out (saved examples, non-HTTP requests). */
export function readCollectionFile(file: string, onLeftOut: (line: string) => void = () => {}): unknown {
  if (isDirectory(file)) {
    const { collection, leftOut } = readV3Collection(file);
    leftOut.forEach(onLeftOut);
    return collection;
  }
  const read = readJson(file);
  if (read.ok) return read.value;
  const cause = read.cause;
  if (read.problem === 'not-json') throw new WrapNotJsonError(`${file}: not JSON (${read.detail}); give a Postman collection export (…postman_collection.json)`, { cause });
  if (read.code === 'ENOENT') throw new WrapFileNotFoundError(`${file}: no such file; give the path of a Postman collection export (…postman_collection.json)`, { cause });
  if (read.code === 'EISDIR') throw new WrapFileUnreadableError(`${file}: is a directory; give the path of a Postman collection export (…postman_collection.json)`, { cause });
  throw new WrapFileUnreadableError(`${file}: cannot be read (${read.code}); check its permissions`, { cause });
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

export type WrappedFiles = WrittenFiles & { leftOut?: string[] };

/**
 * Where the wrapped collection goes: v2.1 → `outDir/<input's file name>` (a v3 input: `<its name>.postman_collection.json`),
 * v3 → `outDir/postman/collections/<its name>/`. Refused when that is the input itself. `collection` (the wrapped
 * one) names the output when the input's file name cannot.
 */
export function wrappedCollectionPath(inputFile: string, outDir: string, format: CollectionFormat = 'v2.1', collection?: object): string {
  const name = ((collection as { info?: { name?: unknown } } | undefined)?.info?.name as string | undefined) ?? path.basename(path.resolve(inputFile));
  const target =
    format === 'v3' && collection
      ? v3CollectionDir(outDir, collection)
      : path.join(outDir, isDirectory(inputFile) ? `${safeStem(name)}.postman_collection.json` : path.basename(inputFile));
  if (sameFile(target, inputFile)) {
    throw new WrapOverwritesInputError(`--out: ${target} is the input ${inputFile}; wrap never writes over its input, give another directory`);
  }
  if (isDirectory(inputFile) && path.resolve(target).startsWith(path.resolve(inputFile) + path.sep)) {
    throw new WrapOverwritesInputError(`--out: ${target} is inside the input ${inputFile}; wrap never writes into its input, give a directory outside it`);
  }
  return target;
}

export function writeWrappedFiles(
  inputFile: string, outDir: string, collection: object, environments: readonly Environment[], values: EnvironmentValues, format: CollectionFormat = 'v2.1',
  perEnvironment?: ValuesPerEnvironment,
): WrappedFiles {
  const collectionFile = wrappedCollectionPath(inputFile, outDir, format, collection);
  // Each environment's own values (its own account's iss) over the shared ones.
  const envFiles = environments.map((env) => environmentFile(env, valuesFor(env, values, perEnvironment)));
  if (format === 'v3') return writeV3Files(outDir, collection, envFiles);
  return writeCollectionFiles(outDir, path.basename(collectionFile), collection, envFiles);
}
