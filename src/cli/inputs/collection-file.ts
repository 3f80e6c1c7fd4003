/** `--collection FILE`: a Postman collection (v2.1, as `generate` and `wrap` write) read from a file. */
import { InputError } from '../../errors';
import { isJsonObject, readJsonFile } from './json-file';

export class CollectionFileError extends InputError {
  constructor(message: string) {
    super('ERR_COLLECTION_FILE', message);
  }
}

/** A Postman v2.1 collection read from a file; one line naming the file when it is not one. */
export function readCollectionFile(file: string, flag = '--collection'): object {
  const json = readJsonFile(file, flag, CollectionFileError, 'a Postman v2.1 collection file (e.g. from idcloud-postman generate)');
  if (!isJsonObject(json) || !Array.isArray(json.item)) {
    throw new CollectionFileError(`${flag}: ${file} is not a Postman v2.1 collection (no "item" list)`);
  }
  return json;
}
