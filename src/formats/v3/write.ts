/**
 * Writing a collection as a Collection format v3 directory: `DIR/postman/collections/<name>/` and
 * `DIR/postman/environments/<env>.environment.yaml`, where Postman v12's Native Git workflow and the Postman CLI
 * look. The collection directory is built beside its place and renamed into it, so it is never half-written; a
 * directory an earlier run of this tool wrote (its definition carries our auth layer) is replaced as a whole, and
 * anything else there is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isAuthLayerScript } from '../../collection/auth-layer';
import type { EnvironmentFile } from '../../collection/environment-file';
import { ensureDirectory, OutputDirectoryError, writeFileAtomic } from '../../collection/write';
import { environmentYamlText, v3EnvironmentFileName } from './environment';
import { V3FormatError, V3OutputOccupiedError } from './errors';
import { isObject } from './json';
import { LAYOUT } from './table';
import { collectionDirName, collectionToV3, V3File } from './to-v3';
import { parseYaml } from './yaml';

export interface WrittenV3Files {
  /** The collection directory. */
  collectionFile: string;
  environmentFiles: string[];
  /** What v3 could not hold, one line per kind. */
  leftOut: string[];
}

/** Where the collection directory of `collection` goes under `outDir`. */
export function v3CollectionDir(outDir: string, collection: object): string {
  return path.join(outDir, ...LAYOUT.collections, collectionDirName(collection as Record<string, unknown>));
}

export function writeV3Files(outDir: string, collection: object, environments: readonly EnvironmentFile[]): WrittenV3Files {
  const v3 = collectionToV3(collection as Record<string, unknown>);
  const collectionsDir = path.join(outDir, ...LAYOUT.collections);
  const target = path.join(collectionsDir, v3.dirName);
  refuseForeign(target);
  ensureDirectory(collectionsDir);
  replaceDirectory(target, v3.files);
  const environmentsDir = path.join(outDir, ...LAYOUT.environments);
  ensureDirectory(environmentsDir);
  const environmentFiles = environments.map((env) => {
    const file = path.join(environmentsDir, v3EnvironmentFileName(env.fileName));
    writeFileAtomic(file, environmentYamlText(env.json), 0o600);
    return file;
  });
  return { collectionFile: target, environmentFiles, leftOut: v3.leftOut };
}

/** Nothing there, an empty directory, or a collection directory this tool wrote: anything else is refused. */
function refuseForeign(target: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return;
  }
  if (stat.isDirectory() && (fs.readdirSync(target).length === 0 || isOurs(target))) return;
  throw new V3OutputOccupiedError(
    `--out: ${target} already exists and is not a collection directory idcloud-postman wrote (no auth layer in its ${LAYOUT.resources}/${LAYOUT.definition}); it is never overwritten: give another --out, or move it away`,
  );
}

/** Its definition (only that file is read) carries our auth layer's script. */
function isOurs(dir: string): boolean {
  const file = path.join(dir, LAYOUT.resources, LAYOUT.definition);
  try {
    const definition = parseYaml(fs.readFileSync(file, 'utf8'), file);
    return isObject(definition) && Array.isArray(definition.scripts) && definition.scripts.some((s) => isObject(s) && typeof s.code === 'string' && isAuthLayerScript(s.code));
  } catch (error) {
    if (error instanceof V3FormatError || (error as NodeJS.ErrnoException).code !== undefined) return false;
    throw error;
  }
}

/** Builds the directory beside `target`, then swaps it in: readers see the old one or the new one, never a mix. */
function replaceDirectory(target: string, files: readonly V3File[]): void {
  const parent = path.dirname(target);
  const base = path.basename(target);
  const temp = path.join(parent, `.${base}.${process.pid}.tmp`);
  const old = path.join(parent, `.${base}.${process.pid}.old`);
  // What an interrupted earlier run of ours left beside it (any pid): never a collection, only in the way.
  for (const leftover of fs.readdirSync(parent)) {
    if (leftover.startsWith(`.${base}.`) && /\.\d+\.(tmp|old)$/.test(leftover)) fs.rmSync(path.join(parent, leftover), { recursive: true, force: true });
  }
  try {
    for (const file of files) {
      const full = path.join(temp, ...file.path.split('/'));
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, file.text, { mode: 0o644 });
    }
    if (fs.existsSync(target)) {
      fs.renameSync(target, old);
      try {
        fs.renameSync(temp, target);
      } catch (error) {
        fs.renameSync(old, target);
        throw error;
      }
      fs.rmSync(old, { recursive: true, force: true });
    } else {
      fs.renameSync(temp, target);
    }
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw new OutputDirectoryError(`--out: cannot write ${target} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the directory's permissions`);
  }
}
