/**
 * `--collection PATH`: a Postman collection (v2.1, as `generate` and `wrap` write) read from a file, or a Collection
 * format v3 directory (Postman v12's git-native YAML) converted in memory to v2.1 by src/formats/v3.
 */
import { errorClass, InputError } from '../../errors';
import { isDirectory, readV3Collection } from '../../formats/v3';
import { isJsonObject, readJsonFile } from './json-file';

export class CollectionFileError extends errorClass(InputError, 'ERR_COLLECTION_FILE') {}

/**
 * A Postman v2.1 collection read from a file or a v3 directory; one line naming the file when it is not one.
 * `onLeftOut` hears what a v3 directory held that a v2.1 run leaves out (saved examples, non-HTTP requests).
 */
export function readCollectionFile(file: string, flag = '--collection', onLeftOut: (line: string) => void = () => {}): object {
  if (isDirectory(file)) {
    const { collection, leftOut } = readV3Collection(file);
    leftOut.forEach(onLeftOut);
    return collection;
  }
  const json = readJsonFile(file, flag, CollectionFileError, 'a Postman v2.1 collection file (e.g. from idcloud-postman generate) or a Collection format v3 directory');
  if (!isJsonObject(json) || !Array.isArray(json.item)) {
    throw new CollectionFileError(`${flag}: ${file} is not a Postman v2.1 collection (no "item" list)`);
  }
  return json;
}
