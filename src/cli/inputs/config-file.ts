/**
 * `--config FILE`: a JSON file with the same settings as the flags (flags override it), and the `--env`
 * values with the environments it defines. Light on purpose: yargs calls the parser while it reads argv.
 */
import path from 'node:path';
import { errorClass, InputError } from '../../errors';
import { ENVIRONMENT_CONFIG_FIELDS, ENVIRONMENT_CONFIG_FIELD_NAMES } from '../../environments/config-fields';
import type { EnvironmentConfig, EnvironmentConfigField } from '../../environments/config-fields';
import type { Args } from './flags';
import { isJsonObject, readJsonFile } from './json-file';

export class ConfigFileError extends errorClass(InputError, 'ERR_CONFIG') {}

/** Settings whose values are file paths: relative ones are resolved against the config file's folder. */
const PATH_SETTINGS = ['payload', 'key', 'cert', 'accounts', 'collection', 'out', 'report-dir', 'reportDir', 'ca-cert', 'caCert'];

/** Parses the config file; relative file paths in it (also in its environments) are resolved against the file's folder. */
export function parseConfigFile(file: string): Record<string, unknown> {
  const parsed = readJsonFile(file, '--config', ConfigFileError, 'a JSON object of settings');
  if (!isJsonObject(parsed)) throw new ConfigFileError(`--config: ${file} must hold a JSON object`);
  const config = { ...parsed };
  const base = path.dirname(path.resolve(file));
  for (const key of PATH_SETTINGS) {
    if (typeof config[key] === 'string') config[key] = path.resolve(base, config[key] as string);
  }
  if (config.environments !== undefined) config.environments = parseEnvironmentConfigs(config.environments, base);
  return config;
}

/**
 * `environments: { NAME: { identityUrl, …, payload, iss, key, apiKey } }`, field by field from the declared list
 * (ENVIRONMENT_CONFIG_FIELDS): an unknown field or a value that is not a string is one line naming it; path
 * fields are resolved against `base` (the config file's folder).
 */
export function parseEnvironmentConfigs(raw: unknown, base?: string): Record<string, EnvironmentConfig> {
  if (!isJsonObject(raw)) {
    throw new ConfigFileError(`--config: "environments" must be an object of NAME: { ${ENVIRONMENT_CONFIG_FIELD_NAMES.join(', ')} }`);
  }
  const out: Record<string, EnvironmentConfig> = {};
  for (const [name, fields] of Object.entries(raw)) {
    if (!isJsonObject(fields)) throw new ConfigFileError(`--config: environments.${name} must be an object of { ${ENVIRONMENT_CONFIG_FIELD_NAMES.join(', ')} }`);
    const config: EnvironmentConfig = {};
    for (const [field, value] of Object.entries(fields)) {
      if (!(field in ENVIRONMENT_CONFIG_FIELDS)) {
        throw new ConfigFileError(`--config: environments.${name}.${field} is not a setting of an environment; use ${ENVIRONMENT_CONFIG_FIELD_NAMES.join(', ')}`);
      }
      if (typeof value !== 'string') throw new ConfigFileError(`--config: environments.${name}.${field} must be a string`);
      const known = field as EnvironmentConfigField;
      const isPath = ENVIRONMENT_CONFIG_FIELDS[known].kind === 'path';
      config[known] = isPath && base !== undefined && value.trim() !== '' ? path.resolve(base, value) : value;
    }
    out[name] = config;
  }
  return out;
}

/** `--env` values as strings, accepting both repeated flags and a single value. */
export function envSpecs(args: Args): string[] {
  const raw = args.env;
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).map(String);
}

/** Environments defined in the config file (already parsed by parseConfigFile; parsed again when set otherwise). */
export function configuredEnvironments(args: Args): Record<string, EnvironmentConfig> {
  const envs = args.environments;
  if (envs === undefined) return {};
  return parseEnvironmentConfigs(envs);
}
