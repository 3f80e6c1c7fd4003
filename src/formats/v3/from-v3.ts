/**
 * A loaded Collection format v3 directory (load.ts) → Collection v2.1, the model every command works on (table.ts
 * says what maps to what). Bad input is one line naming the file: an unknown `$kind`, a field of the wrong type, a
 * script type of the wrong form for its place (the Postman CLI would fail to load the collection at run time).
 */
import nodePath from 'node:path';
import { Url } from 'postman-collection';
import { V3ScriptTypeError, V3ShapeError } from './errors';
import { defined, descriptionText, isObject, JsonObject } from './json';
import type { LoadedDir, LoadedFile } from './load';
import { LeftOutNotes } from './notes';
import {
  DEFINITION_KIND, OTHER_PROTOCOL_SCRIPT, OTHER_REQUEST_KINDS, RAW_BODY_TYPES, REQUEST_KIND, SCRIPT_LANGUAGE, SCRIPT_TYPES, ScriptListen, ScriptPlace,
  splitSettings,
} from './table';

export const SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export interface ReadV3Result {
  /** Collection v2.1 JSON. */
  collection: JsonObject;
  leftOut: string[];
}

const REQUEST_KEYS = new Set(['$kind', 'id', 'name', 'description', 'url', 'method', 'headers', 'queryParams', 'pathVariables', 'body', 'auth', 'scripts', 'settings', 'order', 'examples']);

export function collectionFromV3(root: LoadedDir): ReadV3Result {
  const notes = new LeftOutNotes();
  const definition = definitionOf(root);
  const name = stringField(definition, 'name') ?? root.name;
  const info = defined({
    _postman_id: stringField(definition, 'id'),
    name,
    description: descriptionText(definition?.value.description),
    schema: SCHEMA_V21,
  });
  const collection: JsonObject = { info, item: items(root, '', notes, root.dir), ...scope(definition, '(collection)', notes) };
  return { collection: defined(collection), leftOut: notes.lines() };
}

type Definition = { file: string; value: JsonObject } | undefined;

function definitionOf(dir: LoadedDir): Definition {
  if (!dir.definition) return undefined;
  const value = mapping(dir.definition);
  if (value.$kind !== DEFINITION_KIND) {
    throw new V3ShapeError(`${dir.definition.file}: $kind ${JSON.stringify(value.$kind)} in a definition; a collection's or folder's definition is $kind: ${DEFINITION_KIND}`);
  }
  return { file: dir.definition.file, value };
}

function mapping(file: LoadedFile): JsonObject {
  if (!isObject(file.value)) throw new V3ShapeError(`${file.file}: not a YAML mapping of keys; give a Collection format v3 file`);
  return file.value;
}

/** `auth`, `event` and `variable` of the collection or a folder. */
function scope(definition: Definition, where: string, notes: LeftOutNotes): JsonObject {
  if (!definition) return {};
  const { file, value } = definition;
  return defined({
    auth: auth(value.auth, file, notes, where),
    event: events(value.scripts, 'definition', file, where, notes),
    variable: pairList(value.variables, 'variables', file, { disabled: true }),
  });
}

interface Child {
  order: number;
  name: string;
  item?: JsonObject;
}

function items(dir: LoadedDir, path: string, notes: LeftOutNotes, rootDir: string): JsonObject[] {
  const children: Child[] = [];
  for (const folder of dir.folders) {
    const definition = definitionOf(folder);
    const name = stringField(definition, 'name') ?? folder.name;
    const folderPath = path === '' ? name : `${path}/${name}`;
    const item = defined({
      name,
      description: descriptionText(definition?.value.description),
      item: items(folder, folderPath, notes, rootDir),
      ...scope(definition, folderPath, notes),
    });
    children.push({ order: orderField(definition?.value.order, definition?.file), name, item });
  }
  for (const request of dir.requests) {
    const value = mapping(request);
    const name = typeof value.name === 'string' && value.name !== '' ? value.name : request.stem;
    const requestPath = path === '' ? name : `${path}/${name}`;
    children.push({ order: orderField(value.order, request.file), name, item: requestItem(value, name, request.file, requestPath, notes) });
  }
  for (const example of dir.examples) notes.add('examples', nodePath.relative(rootDir, example));
  // Siblings by `order`, then by name: the same directory, the same run order.
  children.sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return children.flatMap((c) => (c.item ? [c.item] : []));
}

function orderField(value: unknown, file: string | undefined): number {
  if (value === undefined) return Number.MAX_SAFE_INTEGER;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new V3ShapeError(`${file}: order ${JSON.stringify(value)} is not a number; write order as a bare number (1000, 2000, …)`);
  return value;
}

function requestItem(value: JsonObject, name: string, file: string, where: string, notes: LeftOutNotes): JsonObject | undefined {
  const kind = value.$kind;
  if (kind !== REQUEST_KIND) {
    if ((OTHER_REQUEST_KINDS as readonly unknown[]).includes(kind)) {
      notes.add(kind === 'graphql-request' ? 'graphql' : 'otherKinds', where);
      return undefined;
    }
    throw new V3ShapeError(`${file}: $kind ${JSON.stringify(kind)} is not a request kind of Collection format v3 (${REQUEST_KIND}, ${OTHER_REQUEST_KINDS.join(', ')}); fix the file`);
  }
  for (const key of Object.keys(value)) if (!REQUEST_KEYS.has(key)) notes.add('unknownKeys', `${where}: ${key}`);
  const url = stringOf(value.url, 'url', file) ?? '';
  const method = (stringOf(value.method, 'method', file) ?? 'GET').toUpperCase();
  const query = pairList(value.queryParams, 'queryParams', file, { disabled: true });
  const variable = pairList(value.pathVariables, 'pathVariables', file, { disabled: false });
  const request = defined({
    description: descriptionText(value.description),
    url: query || variable ? urlObject(url, query, variable) : url,
    header: pairList(value.headers, 'headers', file, { disabled: true }) ?? [],
    method,
    body: body(value.body, file),
    auth: auth(value.auth, file, notes, where),
  });
  return defined({
    name,
    request,
    event: events(value.scripts, 'request', file, where, notes),
    protocolProfileBehavior: settings(value.settings, file, where, notes),
  });
}

/** The v2.1 URL object the SDK and Newman read: the parsed text, with the lists in place of the text's own. */
function urlObject(text: string, query: JsonObject[] | undefined, variable: JsonObject[] | undefined): JsonObject {
  const parsed = Url.parse(text) as unknown as JsonObject;
  return defined({ ...parsed, raw: text, query: query ?? parsed.query, variable: variable ?? parsed.variable });
}

function stringOf(value: unknown, field: string, file: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new V3ShapeError(`${file}: ${field} is not a string; give it as text (quote values holding {{…}})`);
}

function stringField(definition: Definition, field: string): string | undefined {
  const value = definition?.value[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A list of `{key, value, …}` or a map of key → value, as v2.1's `[{key, value, description?, disabled?}]`. */
function pairList(value: unknown, field: string, file: string, opts: { disabled: boolean }): JsonObject[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list: unknown[] = isObject(value) ? Object.entries(value).map(([key, v]) => ({ key, value: v })) : Array.isArray(value) ? value : [];
  if (!Array.isArray(value) && !isObject(value)) throw new V3ShapeError(`${file}: ${field} is neither a list of {key, value} nor a map; fix the file`);
  const out = list.map((p, i) => {
    if (!isObject(p) || p.key === undefined) throw new V3ShapeError(`${file}: ${field}[${i}] has no key; each entry is {key, value}`);
    return defined({
      key: String(p.key),
      value: p.value === undefined ? '' : p.value === null ? null : textValue(p.value, `${field}[${i}].value`, file),
      description: descriptionText(p.description),
      disabled: opts.disabled && p.disabled === true ? true : undefined,
    });
  });
  return out.length > 0 ? out : undefined;
}

/** A scalar as text; a mapping or list is an error (an unquoted `{{var}}` reads as a YAML mapping). */
function textValue(value: unknown, field: string, file: string): string {
  if (typeof value === 'object') throw new V3ShapeError(`${file}: ${field} is a YAML mapping or list, not text; quote values holding {{…}}`);
  return String(value);
}

/** `{type, credentials}` (credentials a map or a list of {key, value}), or a list of them (the first is used). */
function auth(value: unknown, file: string, notes: LeftOutNotes, where: string): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  let chosen = value;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    if (value.length > 1) notes.add('unknownKeys', `${where}: auth beyond the first of ${value.length}`);
    chosen = value[0];
  }
  if (!isObject(chosen) || typeof chosen.type !== 'string') throw new V3ShapeError(`${file}: auth has no type; give {type, credentials}`);
  const type = chosen.type;
  if (type === 'noauth' || chosen.credentials === undefined || chosen.credentials === null) return { type };
  const credentials = chosen.credentials;
  const entries: [string, unknown][] = isObject(credentials)
    ? Object.entries(credentials)
    : Array.isArray(credentials)
      ? credentials.filter(isObject).map((c) => [String(c.key), c.value])
      : [];
  if (!isObject(credentials) && !Array.isArray(credentials)) throw new V3ShapeError(`${file}: auth credentials are neither a map nor a list of {key, value}; fix the file`);
  return { type, [type]: entries.map(([key, v]) => ({ key, value: v, type: typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'boolean' : 'any' })) };
}

function events(value: unknown, place: ScriptPlace, file: string, where: string, notes: LeftOutNotes): JsonObject[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new V3ShapeError(`${file}: scripts is not a list of {type, code, language}; fix the file`);
  const out: JsonObject[] = [];
  value.forEach((script, i) => {
    if (!isObject(script)) throw new V3ShapeError(`${file}: scripts[${i}] is not {type, code, language}; fix the file`);
    const listen = listenOf(script.type, place, file, i);
    if (listen === undefined) {
      notes.add('otherProtocolScripts', where);
      return;
    }
    if (script.language !== undefined && script.language !== SCRIPT_LANGUAGE) {
      throw new V3ShapeError(`${file}: scripts[${i}].language ${JSON.stringify(script.language)}; the Postman CLI accepts only ${SCRIPT_LANGUAGE} (or none)`);
    }
    if (typeof script.code !== 'string') throw new V3ShapeError(`${file}: scripts[${i}].code is not text; give the script inline (code: |-)`);
    out.push({ listen, script: { type: SCRIPT_LANGUAGE, exec: script.code.split('\n') } });
  });
  return out.length > 0 ? out : undefined;
}

/** The v2.1 event of a script type at its place; undefined for another protocol's; an error for the wrong form. */
function listenOf(type: unknown, place: ScriptPlace, file: string, index: number): ScriptListen | undefined {
  for (const listen of Object.keys(SCRIPT_TYPES) as ScriptListen[]) {
    if (type === SCRIPT_TYPES[listen][place]) return listen;
    const other: ScriptPlace = place === 'request' ? 'definition' : 'request';
    if (type === SCRIPT_TYPES[listen][other]) {
      const right = SCRIPT_TYPES[listen][place];
      const why = place === 'request' ? 'a request file takes script types without a prefix' : 'a definition takes script types with the protocol prefix';
      throw new V3ScriptTypeError(`${file}: scripts[${index}].type ${type}: ${why} (${right}); the Postman CLI would fail to load the collection`);
    }
  }
  if (place === 'definition' && typeof type === 'string' && OTHER_PROTOCOL_SCRIPT.test(type)) return undefined;
  const known = Object.values(SCRIPT_TYPES).map((t) => t[place]).join(', ');
  throw new V3ScriptTypeError(`${file}: scripts[${index}].type ${JSON.stringify(type)} is not a script type here (${known}); fix the file`);
}

function body(value: unknown, file: string): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value) || typeof value.type !== 'string') throw new V3ShapeError(`${file}: body has no type; give {type, content}`);
  const { type, content } = value;
  const language = RAW_BODY_TYPES[type];
  if (language !== undefined) {
    const raw = content === undefined || content === null ? '' : typeof content === 'string' ? content : JSON.stringify(content, null, 2);
    return { mode: 'raw', raw, options: { raw: { language } } };
  }
  switch (type) {
    case 'none':
      return undefined;
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: pairList(content, 'body.content', file, { disabled: true }) ?? [] };
    case 'formdata':
      return { mode: 'formdata', formdata: formFields(content, file) };
    case 'file':
      return { mode: 'file', file: defined({ src: isObject(content) ? content.src : undefined }) };
    default:
      throw new V3ShapeError(`${file}: body type ${JSON.stringify(type)} is not one of Collection format v3 (${[...Object.keys(RAW_BODY_TYPES), 'urlencoded', 'formdata', 'file', 'none'].join(', ')})`);
  }
}

function formFields(content: unknown, file: string): JsonObject[] {
  if (content === undefined || content === null) return [];
  if (!Array.isArray(content)) throw new V3ShapeError(`${file}: a formdata body's content is not a list of {key, type, value or src}; fix the file`);
  return content.map((p, i) => {
    if (!isObject(p) || p.key === undefined) throw new V3ShapeError(`${file}: body.content[${i}] has no key; each field is {key, type, value or src}`);
    const isFile = p.type === 'file';
    return defined({
      key: String(p.key),
      value: isFile ? undefined : p.value === undefined || p.value === null ? '' : String(p.value),
      src: isFile ? p.src : undefined,
      type: isFile ? 'file' : 'text',
      contentType: typeof p.contentType === 'string' ? p.contentType : undefined,
      description: descriptionText(p.description),
      disabled: p.disabled === true ? true : undefined,
    });
  });
}

function settings(value: unknown, file: string, where: string, notes: LeftOutNotes): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new V3ShapeError(`${file}: settings is not a map; fix the file`);
  const { kept, dropped } = splitSettings(value);
  for (const key of dropped) notes.add('requestSettings', `${where} (${key})`);
  return kept;
}
