/** Walking a collection's items: folders (items with `item`) and requests (items with `request`), in order. */
import { isObject, JsonObject } from './json';

export interface RequestSite {
  item: JsonObject;
  /** Folder names and the request's name, joined by " / ": how the report names it. */
  path: string;
  /** The enclosing folders, outermost first. */
  folders: JsonObject[];
}

export function requestSites(collection: JsonObject): RequestSite[] {
  const sites: RequestSite[] = [];
  const visit = (items: unknown, folders: JsonObject[], prefix: string): void => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (!isObject(item)) continue;
      const name = `${prefix}${typeof item.name === 'string' && item.name ? item.name : '(unnamed)'}`;
      if (Array.isArray(item.item)) visit(item.item, [...folders, item], `${name} / `);
      else if (item.request !== undefined) sites.push({ item, path: name, folders });
    }
  };
  visit(collection.item, [], '');
  return sites;
}

/** Every folder, outermost first, with its path. */
export function folderSites(collection: JsonObject): { folder: JsonObject; path: string }[] {
  const out: { folder: JsonObject; path: string }[] = [];
  const visit = (items: unknown, prefix: string): void => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (!isObject(item) || !Array.isArray(item.item)) continue;
      const name = `${prefix}${typeof item.name === 'string' && item.name ? item.name : '(unnamed)'}`;
      out.push({ folder: item, path: name });
      visit(item.item, `${name} / `);
    }
  };
  visit(collection.item, '');
  return out;
}
