/**
 * Parsed CLI arguments + process.env → the loaded inputs every command needs (cli-contract.md "Inputs").
 * Flags win over environment variables; `--config` values arrive through yargs as if they were flags.
 */
import { Credentials, loadCredentials } from '../credentials';
import { InputError } from '../errors';
import { Environment, resolveEnvironments } from '../environments';
import { configuredEnvironments, envSpecs } from './options';

export const API_KEY_ENV = 'IDCLOUD_API_KEY';

export function loadCliCredentials(args: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): Credentials {
  return loadCredentials({ payload: stringArg(args.payload), iss: stringArg(args.iss), key: stringArg(args.key), env });
}

export function loadCliEnvironments(args: Record<string, unknown>): Environment[] {
  return resolveEnvironments(envSpecs(args), configuredEnvironments(args));
}

/** The APIKEY for the "by Client" API, or undefined when absent (its requests are then skipped). A secret. */
export function cliApiKey(args: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = stringArg(args['api-key']) ?? stringArg(args.apiKey) ?? env[API_KEY_ENV];
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A numeric flag that must be > 0 (e.g. `--timeout` in seconds); one-line usage error otherwise. */
export function cliPositiveNumber(args: Record<string, unknown>, name: string): number {
  const n = Number(args[name]);
  if (!Number.isFinite(n) || n <= 0) throw new InputError('ERR_USAGE', `--${name} must be a number greater than 0`);
  return n;
}

/** A whole-number flag that must be ≥ 0 (e.g. `--max-retries`). */
export function cliCount(args: Record<string, unknown>, name: string): number {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < 0) throw new InputError('ERR_USAGE', `--${name}: "${String(args[name])}" is not a whole number, 0 or more`);
  return n;
}

/** A string flag, or undefined when absent or empty (an empty flag means "not given", e.g. `--key "$UNSET"`). */
export function stringArg(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = Array.isArray(value) ? String(value[value.length - 1]) : String(value);
  return text.trim() === '' ? undefined : text;
}
