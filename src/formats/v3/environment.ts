/**
 * Postman environments in both formats: v2.1's `.postman_environment.json` (the model: `{id, name, values,
 * _postman_variable_scope}`) and v3's `.environment.yaml` (`{name, values: [{key, value, enabled, type}]}`). Written
 * from the model; read from either, by the file's suffix, into the model.
 */
import fs from 'node:fs';
import { EnvironmentFileError, V3FormatError } from './errors';
import { isObject, JsonObject } from './json';
import { LAYOUT } from './table';
import { parseYaml, yamlText } from './yaml';

/** `idcloud-uat.postman_environment.json` → `idcloud-uat.environment.yaml`. */
export function v3EnvironmentFileName(v21FileName: string): string {
  return `${v21FileName.replace(/\.postman_environment\.json$/, '').replace(/\.json$/, '')}${LAYOUT.environmentSuffix}`;
}

export function environmentYamlText(json: object): string {
  const env = json as JsonObject;
  const values = Array.isArray(env.values) ? env.values.filter(isObject) : [];
  return yamlText({
    name: String(env.name ?? ''),
    values: values.map((v) => ({ key: String(v.key ?? ''), value: v.value === undefined || v.value === null ? '' : String(v.value), enabled: v.enabled !== false, type: v.type === 'secret' ? 'secret' : 'default' })),
  });
}

/** An environment file of either format as the v2.1 model; one line naming the file when it is not one. */
export function readEnvironmentFile(file: string, flag = '--environment'): JsonObject {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new EnvironmentFileError(`${flag}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path`);
  }
  const yaml = /\.ya?ml$/i.test(file);
  let value: unknown;
  try {
    value = yaml ? parseYaml(text, file) : JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof V3FormatError) throw new EnvironmentFileError(`${flag}: ${error.message}`);
    throw new EnvironmentFileError(`${flag}: ${file} is not valid JSON (${(error as Error).message.split('\n')[0]}); give a .postman_environment.json or .environment.yaml file`);
  }
  if (!isObject(value) || !Array.isArray(value.values)) {
    throw new EnvironmentFileError(`${flag}: ${file} is not a Postman environment (no "values" list); give a .postman_environment.json or .environment.yaml file`);
  }
  const values = value.values.map((v, i) => {
    if (!isObject(v) || typeof v.key !== 'string') throw new EnvironmentFileError(`${flag}: ${file}: values[${i}] has no key; each value is {key, value, enabled, type}`);
    if (typeof v.value === 'object' && v.value !== null) throw new EnvironmentFileError(`${flag}: ${file}: values[${i}].value is a YAML mapping or list, not text; quote values holding {{…}}`);
    return { key: v.key, value: v.value === undefined || v.value === null ? '' : String(v.value), type: v.type === 'secret' ? 'secret' : 'default', enabled: v.enabled !== false };
  });
  return { ...(typeof value.id === 'string' ? { id: value.id } : {}), name: String(value.name ?? ''), values, _postman_variable_scope: 'environment' };
}
