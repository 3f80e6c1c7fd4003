/**
 * One service account per environment (cli-contract.md "Inputs", per environment): Unico issues separate
 * accounts for Homologation and Production, so each credential can be given for one environment — in `--config`
 * under `environments.NAME` (payload, iss, key, apiKey) or as `IDCLOUD_<ENV>_*` — and then beats the global
 * setting (flags, `IDCLOUD_*`, top-level config) for that environment. Environment variables are read only
 * from the `env` given (never process.env), so in-process callers pass their own.
 */
import { Credentials, loadPayload, loadPayloadFile, loadPrivateKey, parsePrivateKey, payloadFromIss, PayloadConflictError } from '../../credentials';
import type { BasePayload, PayloadInput, PrivateKeyInfo } from '../../credentials';
import { resolvePayloadInput } from '../../credentials/payload';
import { withOrigin } from '../../credentials/read-file';
import { readAll } from '../../errors';
import { configuredEnvironments, envSpecs } from './config-file';
import { loadCliEnvironments } from './loaders';
import { Args, flagOrEnv, stringArg } from './flags';

export const API_KEY_ENV = 'IDCLOUD_API_KEY';

type Env = Readonly<Record<string, string | undefined>>;

/** The suffix of each per-environment variable: IDCLOUD_<ENV>_<SUFFIX>. */
export const PER_ENVIRONMENT_SUFFIX = {
  iss: 'ISS',
  payload: 'PAYLOAD_FILE',
  keyPem: 'PRIVATE_KEY',
  key: 'PRIVATE_KEY_FILE',
  apiKey: 'API_KEY',
} as const;

type OwnSetting = keyof typeof PER_ENVIRONMENT_SUFFIX;

/** `IDCLOUD_<ENV>_<SUFFIX>`: the environment's name upper-cased, `-` as `_` (IDCLOUD_UAT_ISS). */
export function perEnvironmentVariable(envName: string, setting: OwnSetting): string {
  return `IDCLOUD_${envName.toUpperCase().replace(/-/g, '_')}_${PER_ENVIRONMENT_SUFFIX[setting]}`;
}

/** A value and where it came from, as messages name it (`--config environments.uat.key`, `IDCLOUD_UAT_ISS`). */
interface Sourced {
  value: string;
  origin: string;
}

/** The environment's own value of `setting`: its --config field first (as flags beat variables), then its variable. */
function own(args: Args, env: Env, envName: string, setting: OwnSetting): Sourced | undefined {
  if (envName === '') return undefined;
  const field = setting === 'keyPem' ? undefined : setting;
  const configured = field ? stringArg(configuredEnvironments(args)[envName]?.[field]) : undefined;
  if (configured) return { value: configured, origin: `--config environments.${envName}.${field}` };
  const variable = perEnvironmentVariable(envName, setting);
  const value = env[variable];
  return value !== undefined && value.trim() !== '' ? { value, origin: variable } : undefined;
}


/**
 * The environment's own account settings (payload, iss, key file, key PEM) as one string, equal for two
 * environments exactly when they name the same own sources; undefined when it has none (the global account).
 */
export function ownAccountIdentity(args: Args, env: Env, envName: string): string | undefined {
  const values = (['payload', 'iss', 'key', 'keyPem'] as const).map((setting) => own(args, env, envName, setting)?.value);
  return values.some((v) => v !== undefined) ? JSON.stringify(values) : undefined;
}

/**
 * Where the environment's payload comes from: its own payload file or iss, else the global ones. Giving both its
 * own payload and its own iss is the same conflict as --payload with --iss.
 */
export function environmentPayloadInput(args: Args, env: Env, envName: string): PayloadInput & { origin?: string } {
  const file = own(args, env, envName, 'payload');
  const iss = own(args, env, envName, 'iss');
  if (file && iss) throw new PayloadConflictError(`give either ${file.origin} or ${iss.origin}, not both`);
  if (file) return { kind: 'file', file: file.value, origin: file.origin };
  if (iss) return { kind: 'iss', iss: iss.value, source: iss.origin };
  return resolvePayloadInput({ file: stringArg(args.payload), iss: stringArg(args.iss), env: env as NodeJS.ProcessEnv });
}

/** The payload an input names, loaded; a per-environment file's errors name its variable or field. */
export function loadPayloadInput(input: PayloadInput & { origin?: string }): BasePayload {
  if (input.kind === 'iss') return payloadFromIss(input.iss, input.source);
  return withOrigin(input.origin, () => loadPayloadFile(input.file));
}

/** Where the environment's key comes from: its own key file or PEM text, else the global key. */
export type KeyInput = { kind: 'file'; file: string; origin: string } | { kind: 'pem'; pem: string; origin: string } | { kind: 'global'; file?: string };

export function environmentKeyInput(args: Args, env: Env, envName: string): KeyInput {
  const file = own(args, env, envName, 'key');
  if (file) return { kind: 'file', file: file.value, origin: file.origin };
  const pem = own(args, env, envName, 'keyPem');
  if (pem) return { kind: 'pem', pem: pem.value, origin: pem.origin };
  return { kind: 'global', file: stringArg(args.key) };
}

export function loadKeyInput(input: KeyInput, env: Env): PrivateKeyInfo {
  if (input.kind === 'file') return withOrigin(input.origin, () => loadPrivateKey({ file: input.file, env: {} }));
  if (input.kind === 'pem') return parsePrivateKey(input.pem, input.origin);
  return loadPrivateKey({ file: input.file, env: env as NodeJS.ProcessEnv });
}

/** Credentials from --payload/--iss/--key, each falling back to its IDCLOUD_* variable (credentials module). */
export function loadCliCredentials(args: Args, env: Env): Credentials {
  const payload = loadPayload({ file: stringArg(args.payload), iss: stringArg(args.iss), env: env as NodeJS.ProcessEnv });
  return credentialsOf(payload, loadPrivateKey({ file: stringArg(args.key), env: env as NodeJS.ProcessEnv }));
}

/** The environment's own credentials where it has them, else the global ones. */
export function loadEnvironmentCredentials(args: Args, env: Env, envName: string): Credentials {
  // Both read, so that a missing payload and a missing key are named in one go.
  const [payload, key] = readAll(() => loadPayloadInput(environmentPayloadInput(args, env, envName)), () => loadKeyInput(environmentKeyInput(args, env, envName), env));
  return credentialsOf(payload, key);
}

function credentialsOf(payload: BasePayload, key: PrivateKeyInfo): Credentials {
  return { iss: payload.iss, account: payload.account, tenant: payload.tenant, key, payload };
}

/** The name part of an `--env` value (`uat`, `local` of `local=URL`), before the environment itself is checked. */
export function envNameOf(spec: string): string {
  const eq = spec.indexOf('=');
  return (eq === -1 ? spec : spec.slice(0, eq)).trim();
}

/**
 * The names of the --env environments, for reading their accounts alongside them (readAll): from the resolved
 * environments, or, when those do not resolve (reported by their own reader), from the --env values as given.
 */
export function environmentNames(args: Args): string[] {
  try {
    return loadCliEnvironments(args).map((e) => e.name);
  } catch {
    return envSpecs(args).map(envNameOf);
  }
}

export interface EnvironmentAccount {
  credentials: Credentials;
  /** A secret; undefined: the "by Client" requests are skipped. */
  apiKey?: string;
}

/**
 * Every named environment's account (its own, else the global one), read all at once: every problem is reported
 * in one go (readAll), each naming its variable or field. No names: the global account, for its problems alone.
 */
export function loadEnvironmentAccounts(args: Args, env: Env, names: readonly string[]): Map<string, EnvironmentAccount> {
  return readPerEnvironment(names, (name) => ({ credentials: loadEnvironmentCredentials(args, env, name), apiKey: environmentApiKey(args, env, name) }));
}

/** `read` for every named environment (none: once, for the global settings), every problem reported at once. */
export function readPerEnvironment<T>(names: readonly string[], read: (name: string) => T): Map<string, T> {
  const wanted = names.length > 0 ? [...new Set(names)] : [''];
  const values = readAll(...wanted.map((name) => () => read(name)));
  return new Map(wanted.map((name, i) => [name, values[i]]));
}

/** The APIKEY for the "by Client" API, or undefined when absent (its requests are then skipped). A secret. */
export function cliApiKey(args: Args, env: Env): string | undefined {
  // `apiKey`: the same setting spelled as in a --config file.
  return flagOrEnv({ 'api-key': stringArg(args['api-key']) ?? stringArg(args.apiKey) }, 'api-key', API_KEY_ENV, env as NodeJS.ProcessEnv);
}

/** The environment's own APIKEY, else the global one. */
export function environmentApiKey(args: Args, env: Env, envName: string): string | undefined {
  return own(args, env, envName, 'apiKey')?.value.trim() ?? cliApiKey(args, env);
}
