/**
 * What `wrap` accepts: a Collection v2.0 or v2.1 document. Collection v1 (the app's old export), Postman
 * environments and other JSON are refused with a one-line error naming the file. A v2.0 collection is brought
 * to v2.1: the only difference the format has between them is the shape of `auth` (an object of values in
 * v2.0, a list of `{key, value, type}` in v2.1), which the postman-collection SDK converts.
 */
import { RequestAuth } from 'postman-collection';
import { WrapCollectionV1Error, WrapNotCollectionError, WrapUnsupportedSchemaError } from './errors';
import { isObject, JsonObject } from './json';

export const SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export type SourceFormat = 'v2.0.0' | 'v2.1.0';

export interface ValidCollection {
  /** A deep copy of the input, in v2.1 form: the caller may edit it. */
  collection: JsonObject;
  format: SourceFormat;
}

export function readCollection(json: unknown, source: string): ValidCollection {
  if (!isObject(json)) throw new WrapNotCollectionError(`${source}: not a Postman collection (the JSON is not an object); give a Collection v2.1 or v2.0 export`);
  if (isCollectionV1(json)) {
    throw new WrapCollectionV1Error(`${source}: Collection v1 format is not supported; in the Postman app import it and export it as Collection v2.1, then wrap that file`);
  }
  if (json._postman_variable_scope !== undefined || (Array.isArray(json.values) && !Array.isArray(json.item))) {
    throw new WrapNotCollectionError(`${source}: this is a Postman environment or globals file, not a collection; give the collection export (…postman_collection.json)`);
  }
  if (!isObject(json.info) || !Array.isArray(json.item)) {
    throw new WrapNotCollectionError(`${source}: not a Postman collection (no "info" object and "item" list); give a Collection v2.1 or v2.0 export`);
  }
  const format = schemaFormat(json.info.schema, source);
  const collection = structuredClone(json);
  if (format === 'v2.0.0') toV21(collection);
  return { collection, format };
}

/** v1 exports have `requests` (and `order`, `folders`) at the top and no `info`. */
function isCollectionV1(json: JsonObject): boolean {
  return json.info === undefined && (Array.isArray(json.requests) || Array.isArray(json.order) || Array.isArray(json.folders));
}

function schemaFormat(schema: unknown, source: string): SourceFormat {
  // The app always writes the schema; a file without one is read as the current format.
  if (schema === undefined) return 'v2.1.0';
  const text = String(schema);
  if (/\/v2\.1\.\d+\//.test(text)) return 'v2.1.0';
  if (/\/v2\.0\.\d+\//.test(text)) return 'v2.0.0';
  if (/\/v1\.\d+\.\d+\//.test(text)) {
    throw new WrapCollectionV1Error(`${source}: Collection v1 format is not supported; in the Postman app import it and export it as Collection v2.1, then wrap that file`);
  }
  throw new WrapUnsupportedSchemaError(`${source}: info.schema "${text}" is not Collection v2.0 or v2.1; export the collection as Collection v2.1 and wrap that file`);
}

/** Every `auth` of the document (collection, folders, requests, saved examples' requests) in the v2.1 shape. */
function toV21(collection: JsonObject): void {
  (collection.info as JsonObject).schema = SCHEMA_V21;
  convertAuths(collection);
}

function convertAuths(value: unknown): void {
  if (Array.isArray(value)) {
    for (const child of value) convertAuths(child);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'auth' && isObject(child) && typeof child.type === 'string') value.auth = v21Auth(child);
    else if (key !== 'event') convertAuths(child);
  }
}

function v21Auth(auth: JsonObject): JsonObject {
  const type = auth.type as string;
  const params = auth[type];
  // Already a list (some v2.0 exporters write v2.1 auth), or no parameters at all: nothing to convert.
  if (!isObject(params)) return auth;
  const converted = new RequestAuth(auth as never).toJSON() as JsonObject;
  return { type, [type]: converted[type] };
}
