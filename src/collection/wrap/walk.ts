/** Walking a collection's items: folders (items with `item`) and requests (items with `request`), in order. */
import { isObject, JsonObject } from './json';

export interface RequestSite {
  item: JsonObject;
  /** Folder names and the request's name, joined by " / ": how the report names it. */
  path: string;
  /** The enclosing folders, outermost first. */
  folders: JsonObject[];
}

export interface FolderSite {
  folder: JsonObject;
  path: string;
}

/** One walk of the item tree: every folder (outermost first) and every request, each with its path. */
function walk(collection: JsonObject): { folders: FolderSite[]; requests: RequestSite[] } {
  const folders: FolderSite[] = [];
  const requests: RequestSite[] = [];
  const visit = (items: unknown, parents: JsonObject[], prefix: string): void => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (!isObject(item)) continue;
      const path = `${prefix}${typeof item.name === 'string' && item.name ? item.name : '(unnamed)'}`;
      if (Array.isArray(item.item)) {
        folders.push({ folder: item, path });
        visit(item.item, [...parents, item], `${path} / `);
      } else if (item.request !== undefined) requests.push({ item, path, folders: parents });
    }
  };
  visit(collection.item, [], '');
  return { folders, requests };
}

export function requestSites(collection: JsonObject): RequestSite[] {
  return walk(collection).requests;
}

/** Every folder, outermost first, with its path. */
export function folderSites(collection: JsonObject): FolderSite[] {
  return walk(collection).folders;
}

/** The collection and every folder: the scopes whose `variable` lists `wrap` reads and edits. */
export function variableScopes(collection: JsonObject): JsonObject[] {
  return [collection, ...folderSites(collection).map((f) => f.folder)];
}
