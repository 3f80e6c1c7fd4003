/**
 * A v3 collection directory read from disk into a tree of parsed YAML documents, each with its file name (for
 * messages). Directory entries are read in name order, so the same directory always gives the same tree. Nothing
 * here knows what the documents mean: from-v3.ts does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { V3NotCollectionError, V3RequestInResourcesError } from './errors';
import { LAYOUT } from './table';
import { parseYaml } from './yaml';

export interface LoadedFile {
  file: string;
  value: unknown;
}

export interface LoadedDir {
  dir: string;
  /** The directory's own name: the collection's or folder's name unless its definition says otherwise. */
  name: string;
  definition?: LoadedFile;
  /** `*.request.yaml` files, with their stems. */
  requests: (LoadedFile & { stem: string })[];
  folders: LoadedDir[];
  /** Saved examples under `.resources/` (left out of a run). */
  examples: string[];
}

function entries(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    throw new V3NotCollectionError(`${dir}: cannot read the directory (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path`);
  }
}

function readYaml(file: string): LoadedFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new V3NotCollectionError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions`);
  }
  return { file, value: parseYaml(text, file) };
}

function requestStem(name: string): string | undefined {
  for (const suffix of [LAYOUT.requestSuffix, LAYOUT.requestSuffixYml]) if (name.endsWith(suffix) && name.length > suffix.length) return name.slice(0, -suffix.length);
  return undefined;
}

export function loadDir(dir: string): LoadedDir {
  const loaded: LoadedDir = { dir, name: path.basename(path.resolve(dir)), requests: [], folders: [], examples: [] };
  for (const entry of entries(dir)) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === LAYOUT.resources) loadResources(full, loaded);
      else if (!entry.name.startsWith('.')) loaded.folders.push(loadDir(full));
      continue;
    }
    const stem = entry.isFile() ? requestStem(entry.name) : undefined;
    if (stem !== undefined) loaded.requests.push({ ...readYaml(full), stem });
  }
  return loaded;
}

/** `.resources/`: the definition, saved examples; a request file anywhere in it is an error. */
function loadResources(dir: string, into: LoadedDir): void {
  const walk = (current: string, top: boolean) => {
    for (const entry of entries(current)) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full, false);
      else if (requestStem(entry.name) !== undefined) {
        throw new V3RequestInResourcesError(`${full}: a request file inside ${LAYOUT.resources}/ (metadata only, never run); move it next to ${LAYOUT.resources}/`);
      } else if (top && (entry.name === LAYOUT.definition || entry.name === LAYOUT.definitionYml)) {
        if (!into.definition) into.definition = readYaml(full);
      } else if (entry.name.endsWith(LAYOUT.exampleSuffix)) into.examples.push(full);
    }
  };
  walk(dir, true);
}

/** True when the tree holds a request file or a definition anywhere: a collection, however small. */
export function hasContent(dir: LoadedDir): boolean {
  return dir.definition !== undefined || dir.requests.length > 0 || dir.folders.some(hasContent);
}
