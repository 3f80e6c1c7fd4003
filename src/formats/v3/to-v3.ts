/**
 * Collection v2.1 → the files of a Collection format v3 directory (table.ts says what maps to what). Pure: the
 * files come back as relative paths and YAML text; write.ts puts them on disk. Deterministic: no ids are made up,
 * `order` counts siblings, names become stems by names.ts.
 */
import { Url } from 'postman-collection';
import { defined, descriptionText, isObject, JsonObject } from './json';
import { LeftOutNotes } from './notes';
import { safeStem, uniqueStems } from './names';
import { DEFINITION_KIND, LAYOUT, orderOf, RAW_BODY_TYPES, REQUEST_KIND, SCRIPT_LANGUAGE, SCRIPT_TYPES, ScriptPlace, splitSettings } from './table';
import { yamlText } from './yaml';

export interface V3File {
  /** Relative to the collection directory, `/`-separated. */
  path: string;
  text: string;
}

export interface V3Collection {
  /** The collection directory's name (its stem). */
  dirName: string;
  files: V3File[];
  /** What v3 cannot hold, one line per kind. */
  leftOut: string[];
}

const COLLECTION_KEYS = new Set(['info', 'item', 'auth', 'event', 'variable', 'protocolProfileBehavior']);
const INFO_KEYS = new Set(['_postman_id', 'name', 'description', 'schema', 'version', '_exporter_id', '_collection_link']);
const FOLDER_KEYS = new Set(['name', 'description', 'item', 'auth', 'event', 'variable', 'protocolProfileBehavior', 'id']);
const ITEM_KEYS = new Set(['name', 'description', 'request', 'event', 'response', 'protocolProfileBehavior', 'id']);
const REQUEST_KEYS = new Set(['url', 'method', 'header', 'body', 'auth', 'description', 'proxy', 'certificate']);

/** The collection's name (`info.name`, or `collection` when it has none). */
function collectionName(collection: JsonObject): string {
  const info = isObject(collection.info) ? collection.info : {};
  return typeof info.name === 'string' && info.name !== '' ? info.name : 'collection';
}

/** The collection directory's name: its name as a filename-safe stem. */
export function collectionDirName(collection: JsonObject): string {
  return safeStem(collectionName(collection));
}

export function collectionToV3(collection: JsonObject): V3Collection {
  const notes = new LeftOutNotes();
  const info = isObject(collection.info) ? collection.info : {};
  const name = collectionName(collection);
  const dirName = collectionDirName(collection);
  unknownKeys(collection, COLLECTION_KEYS, '(collection)', notes);
  unknownKeys(info, INFO_KEYS, '(collection info)', notes);
  if (info.version !== undefined) notes.add('version', name);
  if (collection.protocolProfileBehavior !== undefined) notes.add('scopeSettings', '(collection)');
  const definition = defined({
    $kind: DEFINITION_KIND,
    id: typeof info._postman_id === 'string' ? info._postman_id : undefined,
    name: dirName === name ? undefined : name,
    description: descriptionText(info.description),
    ...scopeParts(collection, '(collection)', notes),
  });
  const files: V3File[] = [{ path: `${LAYOUT.resources}/${LAYOUT.definition}`, text: yamlText(definition) }];
  children(collection.item, '', '', files, notes);
  return { dirName, files, leftOut: notes.lines() };
}

/** `variables`, `scripts` and `auth` of the collection or a folder. */
function scopeParts(scope: JsonObject, where: string, notes: LeftOutNotes): JsonObject {
  return {
    variables: variables(scope.variable),
    scripts: scripts(scope.event, 'definition', where, notes),
    auth: auth(scope.auth),
  };
}

function children(items: unknown, dir: string, path: string, files: V3File[], notes: LeftOutNotes): void {
  if (!Array.isArray(items)) return;
  const list = items.filter(isObject);
  const isFolder = (item: JsonObject) => Array.isArray(item.item);
  const nameOf = (item: JsonObject) => (typeof item.name === 'string' && item.name !== '' ? item.name : 'item');
  const folderStems = uniqueStems(list.filter(isFolder).map(nameOf));
  const requestStems = uniqueStems(list.filter((i) => !isFolder(i)).map(nameOf));
  let [f, r] = [0, 0];
  list.forEach((item, index) => {
    const name = nameOf(item);
    const itemPath = path === '' ? name : `${path}/${name}`;
    const order = orderOf(index);
    if (isFolder(item)) {
      const stem = folderStems[f++];
      const folderDir = `${dir}${stem}/`;
      unknownKeys(item, FOLDER_KEYS, itemPath, notes);
      if (item.protocolProfileBehavior !== undefined) notes.add('scopeSettings', itemPath);
      const definition = defined({
        $kind: DEFINITION_KIND,
        name: stem === name ? undefined : name,
        description: descriptionText(item.description),
        ...scopeParts(item, itemPath, notes),
        order,
      });
      files.push({ path: `${folderDir}${LAYOUT.resources}/${LAYOUT.definition}`, text: yamlText(definition) });
      children(item.item, folderDir, itemPath, files, notes);
      return;
    }
    const stem = requestStems[r++];
    const request = requestFile(item, stem === name ? undefined : name, order, itemPath, notes);
    if (request) files.push({ path: `${dir}${stem}${LAYOUT.requestSuffix}`, text: yamlText(request) });
  });
}

function requestFile(item: JsonObject, name: string | undefined, order: number, where: string, notes: LeftOutNotes): JsonObject | undefined {
  unknownKeys(item, ITEM_KEYS, where, notes);
  // v2 allows a request that is only its URL (a GET with nothing else).
  const request: JsonObject = typeof item.request === 'string' ? { url: item.request, method: 'GET' } : isObject(item.request) ? item.request : {};
  unknownKeys(request, REQUEST_KEYS, where, notes);
  if (isObject(request.body) && request.body.mode === 'graphql') {
    notes.add('graphql', where);
    return undefined;
  }
  if (Array.isArray(item.response) && item.response.length > 0) notes.add('examples', where);
  if (request.proxy !== undefined || request.certificate !== undefined) notes.add('proxyCertificate', where);
  const url = request.url;
  const urlObject = isObject(url) ? url : undefined;
  return defined({
    $kind: REQUEST_KIND,
    name,
    description: descriptionText(request.description) ?? descriptionText(item.description),
    url: urlText(url),
    method: typeof request.method === 'string' ? request.method.toUpperCase() : 'GET',
    headers: pairs(request.header, true),
    queryParams: pairs(urlObject?.query, true),
    pathVariables: pairs(urlObject?.variable, false),
    body: body(request.body),
    auth: auth(request.auth),
    scripts: scripts(item.event, 'request', where, notes),
    settings: settings(item.protocolProfileBehavior, where, notes),
    order,
  });
}

function urlText(url: unknown): string {
  if (typeof url === 'string') return url;
  if (!isObject(url)) return '';
  return typeof url.raw === 'string' ? url.raw : new Url(url as never).toString();
}

/** Headers, query parameters, form fields, path variables: `{key, value, description?, disabled?}`. */
function pairs(list: unknown, canDisable: boolean): JsonObject[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out = list.filter(isObject).map((p) =>
    defined({
      key: String(p.key ?? ''),
      value: p.value === undefined || p.value === null ? p.value : String(p.value),
      description: descriptionText(p.description),
      disabled: canDisable && p.disabled === true ? true : undefined,
    }),
  );
  return out.length > 0 ? out : undefined;
}

function variables(list: unknown): JsonObject[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out = list.filter(isObject).map((v) =>
    defined({
      key: String(v.key ?? ''),
      value: v.value === undefined || v.value === null ? '' : typeof v.value === 'string' ? v.value : JSON.stringify(v.value),
      description: descriptionText(v.description),
      disabled: v.disabled === true ? true : undefined,
    }),
  );
  return out.length > 0 ? out : undefined;
}

function auth(value: unknown): JsonObject | undefined {
  if (!isObject(value) || typeof value.type !== 'string') return undefined;
  const params = value[value.type];
  if (!Array.isArray(params) || params.length === 0) return { type: value.type };
  const credentials: JsonObject = {};
  for (const p of params) if (isObject(p) && typeof p.key === 'string') credentials[p.key] = p.value;
  return { type: value.type, credentials };
}

function scripts(events: unknown, place: ScriptPlace, where: string, notes: LeftOutNotes): JsonObject[] | undefined {
  if (!Array.isArray(events)) return undefined;
  const out: JsonObject[] = [];
  for (const event of events.filter(isObject)) {
    const listen = event.listen;
    if (listen !== 'prerequest' && listen !== 'test') {
      notes.add('otherEvents', where);
      continue;
    }
    if (event.disabled === true) {
      notes.add('disabledScripts', where);
      continue;
    }
    const script = isObject(event.script) ? event.script : {};
    if (script.src !== undefined) notes.add('externalScripts', where);
    const code = Array.isArray(script.exec) ? script.exec.join('\n') : typeof script.exec === 'string' ? script.exec : '';
    out.push({ type: SCRIPT_TYPES[listen][place], code, language: SCRIPT_LANGUAGE });
  }
  return out.length > 0 ? out : undefined;
}

function body(value: unknown): JsonObject | undefined {
  if (!isObject(value) || typeof value.mode !== 'string') return undefined;
  switch (value.mode) {
    case 'raw': {
      const options = isObject(value.options) && isObject(value.options.raw) ? value.options.raw : {};
      const language = typeof options.language === 'string' ? options.language : 'text';
      const type = Object.keys(RAW_BODY_TYPES).find((t) => RAW_BODY_TYPES[t] === language) ?? 'text';
      return { type, content: typeof value.raw === 'string' ? value.raw : '' };
    }
    case 'urlencoded':
      return { type: 'urlencoded', content: pairs(value.urlencoded, true) ?? [] };
    case 'formdata':
      return { type: 'formdata', content: formFields(value.formdata) };
    case 'file':
      return { type: 'file', content: defined({ src: isObject(value.file) ? value.file.src : undefined }) };
    default:
      return undefined;
  }
}

function formFields(list: unknown): JsonObject[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((p) => {
    const file = p.type === 'file';
    return defined({
      key: String(p.key ?? ''),
      type: file ? 'file' : 'text',
      value: file ? undefined : p.value === undefined || p.value === null ? '' : String(p.value),
      src: file ? p.src : undefined,
      contentType: typeof p.contentType === 'string' ? p.contentType : undefined,
      description: descriptionText(p.description),
      disabled: p.disabled === true ? true : undefined,
    });
  });
}

function settings(value: unknown, where: string, notes: LeftOutNotes): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  const { kept, dropped } = splitSettings(value);
  for (const key of dropped) notes.add('requestSettings', `${where} (${key})`);
  return kept;
}

function unknownKeys(value: JsonObject, known: ReadonlySet<string>, where: string, notes: LeftOutNotes): void {
  for (const key of Object.keys(value)) if (!known.has(key)) notes.add('unknownKeys', `${where}: ${key}`);
}
