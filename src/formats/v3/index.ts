/**
 * Postman v12's Collection format 3.0.0 (a directory of YAML files, ../shared/reference/postman-v3.md) at the edge
 * of the one model: Collection v2.1 objects in, v3 files out (write), and v3 directories in, v2.1 objects out
 * (read). table.ts holds what maps to what, and what is left out.
 */
export { collectionToV3 } from './to-v3';
export type { V3Collection, V3File } from './to-v3';
export { readV3Collection, isDirectory } from './read';
export { safeStem } from './names';
export type { ReadV3Result } from './from-v3';
export { writeV3Files, v3CollectionDir } from './write';
export type { WrittenV3Files } from './write';
export { environmentYamlText, readEnvironmentFile, v3EnvironmentFileName } from './environment';
export * from './errors';

/** The collection formats the CLI reads and writes. */
export const COLLECTION_FORMATS = ['v2.1', 'v3'] as const;
export type CollectionFormat = (typeof COLLECTION_FORMATS)[number];
