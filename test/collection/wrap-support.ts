/** Shared by the wrap tests: the stand-ins of Unico's published collections, and the official v2.1 schema check. */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';

export const UNICO_FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'unico');
export const STAND_INS = ['web-sdk', 'by-client', 'authentication'] as const;
export type StandIn = (typeof STAND_INS)[number];

export function standInFile(name: StandIn): string {
  return path.join(UNICO_FIXTURES, `${name}.postman_collection.json`);
}

/** A fresh parse each call: tests may edit it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function standIn(name: StandIn): any {
  return JSON.parse(fs.readFileSync(standInFile(name), 'utf8'));
}

const SCHEMA_FILE = path.resolve(__dirname, '..', 'fixtures', 'postman-collection-v2.1.0.schema.json');
let validator: ReturnType<Ajv['compile']> | undefined;

/** The official Collection v2.1.0 JSON Schema's errors for `collection` ([] when valid). */
export function schemaErrors(collection: unknown): unknown[] {
  validator ??= new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
  return validator(collection) ? [] : (validator.errors ?? [{ message: 'invalid' }]);
}
