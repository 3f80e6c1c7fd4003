/**
 * Reading a Collection format v3 directory as Collection v2.1: `run --collection DIR` and `wrap DIR` go through
 * here, so every command works on the one model. A path that is not a v3 collection directory is one line that
 * says what to give instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { V3NotCollectionError } from './errors';
import { collectionFromV3, ReadV3Result } from './from-v3';
import { hasContent, loadDir } from './load';
import { LAYOUT } from './table';

/** True when `file` is a directory (a v3 collection, or a mistake this module explains). */
export function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

export function readV3Collection(dir: string): ReadV3Result {
  const root = loadDir(dir);
  if (root.definition === undefined && root.requests.length === 0) {
    const collections = root.folders.filter(hasContent).map((f) => f.name);
    const hint = root.folders.some((f) => f.name === LAYOUT.collections[1])
      ? `give one collection directory under ${path.join(dir, LAYOUT.collections[1])}/`
      : collections.length > 0
        ? `it holds ${collections.length === 1 ? 'the collection' : 'collections'} ${collections.map((c) => `"${c}"`).join(', ')}: give one of them`
        : `give a directory holding ${LAYOUT.resources}/${LAYOUT.definition} (postman/collections/<name>/), or a Collection v2.1 JSON file`;
    throw new V3NotCollectionError(`${dir}: not a Postman Collection format v3 directory (no ${LAYOUT.resources}/${LAYOUT.definition}, no *${LAYOUT.requestSuffix}); ${hint}`);
  }
  return collectionFromV3(root);
}
