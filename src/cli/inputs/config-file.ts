/**
 * `--config FILE`: a JSON file with the same settings as the flags (flags override it), and the `--env`
 * values with the environments it defines. Light on purpose: yargs calls the parser while it reads argv.
 */
import path from 'node:path';
import { errorClass, InputError } from '../../errors';
import type { EnvironmentConfig } from '../../environments';
import type { Args } from './flags';
import { isJsonObject, readJsonFile } from './json-file';

export class ConfigFileError extends errorClass(InputError, 'ERR_CONFIG') {}

/** Settings whose values are file paths: relative ones are resolved against the config file's folder. */
const PATH_SETTINGS = ['payload', 'key', 'cert', 'accounts', 'collection', 'out', 'report-dir', 'reportDir'];

/** Parses the config file; relative file paths in it are resolved against the file's folder. */
export function parseConfigFile(file: string): Record<string, unknown> {
  const parsed = readJsonFile(file, '--config', ConfigFileError, 'a JSON object of settings');
  if (!isJsonObject(parsed)) throw new ConfigFileError(`--config: ${file} must hold a JSON object`);
  const config = { ...parsed };
  const base = path.dirname(path.resolve(file));
  for (const key of PATH_SETTINGS) {
    if (typeof config[key] === 'string') config[key] = path.resolve(base, config[key] as string);
  }
  return config;
}

/** `--env` values as strings, accepting both repeated flags and a single value. */
export function envSpecs(args: Args): string[] {
  const raw = args.env;
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).map(String);
}

/** Environments defined in the config file (`environments: { NAME: { identityUrl, ... } }`). */
export function configuredEnvironments(args: Args): Record<string, EnvironmentConfig> {
  const envs = args.environments;
  if (envs === undefined) return {};
  if (!isJsonObject(envs)) {
    throw new ConfigFileError('--config: "environments" must be an object of NAME: { identityUrl, unicoApiUrl?, clientApiUrl? }');
  }
  const out: Record<string, EnvironmentConfig> = {};
  for (const [name, v] of Object.entries(envs)) {
    if (!isJsonObject(v) || typeof v.identityUrl !== 'string') {
      throw new ConfigFileError(`--config: environments.${name}.identityUrl must be a URL string`);
    }
    out[name] = {
      identityUrl: v.identityUrl,
      unicoApiUrl: typeof v.unicoApiUrl === 'string' ? v.unicoApiUrl : undefined,
      clientApiUrl: typeof v.clientApiUrl === 'string' ? v.clientApiUrl : undefined,
    };
  }
  return out;
}
