/**
 * The collection generator: one Postman Collection v2.1 (built with the postman-collection SDK) for every
 * environment, plus one environment file per environment. Deterministic: same input, byte-identical output.
 */
import { Collection, Event } from 'postman-collection';
import type { Environment } from '../environments';
import { authLayerAuth, authLayerEvents } from './auth-layer';
import { COLLECTION_NAME, collectionDescription } from './description';
import { compactJson } from './compact';
import { environmentFile, EnvironmentValues, ValuesPerEnvironment, valuesFor } from './environment-file';
import { stableId } from './ids';
import { apiFolder, tokenErrorsFolder, tokenFolder } from './requests';
import { writeCollectionFiles, WrittenFiles } from './write';
import { writeV3Files, type CollectionFormat } from '../formats/v3';

export { FOLDERS } from '../suites/folders';
export { COLLECTION_NAME } from './description';
export { environmentFileName } from './environment-file';
export { OutputDirectoryError } from './write';

export const COLLECTION_FILE_NAME = 'idcloud.postman_collection.json';

export interface GenerateOptions {
  environments: Environment[];
  iss?: string;
  /** Written into the environment files only with `embedKey`. */
  privateKeyPem?: string;
  /** Written into the environment files only with `embedKey`. */
  apiKey?: string;
  embedKey?: boolean;
  maxInvalidAttempts?: number;
  /** Per environment name, its own iss (and key/APIKEY, embedded only with `embedKey`) over the ones above. */
  perEnvironment?: ValuesPerEnvironment;
}

export interface GeneratedFiles {
  /** Collection v2.1 JSON. */
  collection: object;
  environments: { name: string; fileName: string; json: object }[];
}

export function buildCollection(): object {
  const collection = new Collection({
    info: {
      _postman_id: stableId('collection', COLLECTION_NAME),
      name: COLLECTION_NAME,
      description: { content: collectionDescription(COLLECTION_FILE_NAME), type: 'text/markdown' },
    },
    // The auth layer: every request without auth of its own inherits it.
    auth: authLayerAuth(),
  });
  collection.items.add(tokenFolder());
  collection.items.add(tokenErrorsFolder());
  collection.items.add(apiFolder());
  for (const event of authLayerEvents()) collection.events.add(new Event(event as never));
  const json = collection.toJSON();
  // The SDK's private bookkeeping (`_`) is not part of the v2.1 format.
  delete json._;
  return compactJson(json) as object;
}

export function generateCollection(opts: GenerateOptions): GeneratedFiles {
  // Secrets reach an environment file only with embedKey, whoever's they are.
  const withoutSecrets = ({ iss, maxInvalidAttempts }: EnvironmentValues): EnvironmentValues => ({ iss, maxInvalidAttempts });
  const keep = opts.embedKey ? (v: EnvironmentValues) => v : withoutSecrets;
  const shared = keep({ iss: opts.iss, privateKeyPem: opts.privateKeyPem, apiKey: opts.apiKey, maxInvalidAttempts: opts.maxInvalidAttempts });
  const perEnvironment = Object.fromEntries(Object.entries(opts.perEnvironment ?? {}).map(([name, v]) => [name, keep(v)]));
  return {
    collection: buildCollection(),
    environments: opts.environments.map((env) => environmentFile(env, valuesFor(env, shared, perEnvironment))),
  };
}

/**
 * Writes every file atomically (temp file + rename); environment files are private to the user (0600). `v3`:
 * Postman v12's YAML directory under `outDir/postman/` (src/formats/v3), from the same collection.
 */
export function writeGeneratedFiles(outDir: string, files: GeneratedFiles, format: CollectionFormat = 'v2.1'): WrittenFiles {
  if (format === 'v3') return writeV3Files(outDir, files.collection, files.environments);
  return writeCollectionFiles(outDir, COLLECTION_FILE_NAME, files.collection, files.environments);
}
