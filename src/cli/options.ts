/**
 * The inputs shared by several commands (cli-contract.md "Inputs"): flags, their environment variables,
 * and `--config FILE` (a JSON file with the same settings; flags override it).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import { InputError } from '../errors';
import { EnvironmentConfig } from '../environments';

export function withConfigOption(y: Argv): Argv {
  return y
    // Set only through --config; declared so strict mode accepts it.
    .option('environments', { hidden: true })
    .option('config', {
    type: 'string',
    describe: 'JSON file with the same settings (environments with their URLs, defaults); flags override it',
    config: true,
    configParser: parseConfigFile,
  });
}

export function withCredentialOptions(y: Argv): Argv {
  return y
    .option('payload', { type: 'string', describe: "Unico's base payload JSON file (iss required; aud/iat/exp recomputed) [env IDCLOUD_PAYLOAD_FILE]" })
    .option('iss', { type: 'string', describe: 'the iss claim, instead of --payload [env IDCLOUD_ISS]' })
    .option('key', { type: 'string', describe: 'RSA private key PEM file, PKCS#1 or PKCS#8 [env IDCLOUD_PRIVATE_KEY_FILE, or the PEM text in IDCLOUD_PRIVATE_KEY]' });
}

export function withEnvironmentOptions(y: Argv): Argv {
  return y.option('env', {
    type: 'string',
    array: true,
    describe: 'environment: uat, production, or NAME=URL (identity base URL); repeatable',
  });
}

export function withApiKeyOption(y: Argv): Argv {
  return y.option('api-key', { type: 'string', describe: 'APIKEY for the "by Client" API; its requests are skipped when absent [env IDCLOUD_API_KEY]' });
}

/** `--env` values as strings, accepting both repeated flags and a single value. */
export function envSpecs(args: Record<string, unknown>): string[] {
  const raw = args.env;
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).map(String);
}

/** Environments defined in the config file (`environments: { NAME: { identityUrl, ... } }`). */
export function configuredEnvironments(args: Record<string, unknown>): Record<string, EnvironmentConfig> {
  const envs = args.environments;
  if (envs === undefined) return {};
  if (typeof envs !== 'object' || envs === null || Array.isArray(envs)) {
    throw new InputError('ERR_CONFIG', '--config: "environments" must be an object of NAME: { identityUrl, unicoApiUrl?, clientApiUrl? }');
  }
  const out: Record<string, EnvironmentConfig> = {};
  for (const [name, value] of Object.entries(envs as Record<string, unknown>)) {
    const v = value as Record<string, unknown>;
    if (typeof v !== 'object' || v === null || typeof v.identityUrl !== 'string') {
      throw new InputError('ERR_CONFIG', `--config: environments.${name}.identityUrl must be a URL string`);
    }
    out[name] = {
      identityUrl: v.identityUrl,
      unicoApiUrl: typeof v.unicoApiUrl === 'string' ? v.unicoApiUrl : undefined,
      clientApiUrl: typeof v.clientApiUrl === 'string' ? v.clientApiUrl : undefined,
    };
  }
  return out;
}

/** Parses the config file; relative file paths in it are resolved against the file's folder. */
export function parseConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new InputError('ERR_CONFIG', `--config: cannot read ${file}; check the path`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError('ERR_CONFIG', `--config: ${file} is not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError('ERR_CONFIG', `--config: ${file} must hold a JSON object`);
  }
  const config = { ...(parsed as Record<string, unknown>) };
  const base = path.dirname(path.resolve(file));
  for (const key of ['payload', 'key', 'cert', 'accounts', 'collection', 'out', 'report-dir', 'reportDir']) {
    if (typeof config[key] === 'string') config[key] = path.resolve(base, config[key] as string);
  }
  return config;
}
