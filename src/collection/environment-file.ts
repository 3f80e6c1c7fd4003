/**
 * Postman environment files (`_postman_variable_scope: "environment"`): one per environment, same keys, only
 * the values differ. Secrets are typed `secret` and stay empty unless the caller embeds them on purpose.
 */
import type { Environment } from '../environments';
import { ENV_VARIABLES } from '../suites/variables';
import { stableId } from './ids';

export interface EnvironmentValues {
  iss?: string;
  privateKeyPem?: string;
  apiKey?: string;
  maxInvalidAttempts?: number;
}

/** Values per environment name (each environment's own account), over the values every environment shares. */
export type ValuesPerEnvironment = Readonly<Record<string, EnvironmentValues>>;

/** The values of `env`'s file: its own where it has them (its own iss: Unico issues one account per environment). */
export function valuesFor(env: Environment, shared: EnvironmentValues, perEnvironment: ValuesPerEnvironment = {}): EnvironmentValues {
  const own = Object.fromEntries(Object.entries(perEnvironment[env.name] ?? {}).filter(([, v]) => v !== undefined));
  return { ...shared, ...own };
}

export interface EnvironmentFile {
  name: string;
  fileName: string;
  json: object;
}

export function environmentFileName(envName: string): string {
  return `idcloud-${envName}.postman_environment.json`;
}

export function environmentFile(env: Environment, values: EnvironmentValues): EnvironmentFile {
  const v = ENV_VARIABLES;
  const entry = (key: string, value: string, type: 'default' | 'secret' = 'default') => ({ key, value, type, enabled: true });
  const name = `idcloud-${env.name}`;
  return {
    name: env.name,
    fileName: environmentFileName(env.name),
    json: {
      id: stableId('environment', env.name),
      name,
      values: [
        entry(v.identityUrl, env.identityUrl),
        entry(v.unicoApiUrl, env.unicoApiUrl),
        entry(v.clientApiUrl, env.clientApiUrl),
        entry(v.signApiUrl, env.signApiUrl),
        entry(v.iss, values.iss ?? ''),
        // Empty: aud is identity_url. Set behind a gateway or tunnel, where aud stays Unico's.
        entry(v.audience, env.audience ?? ''),
        entry(v.privateKey, values.privateKeyPem ?? '', 'secret'),
        entry(v.apiKey, values.apiKey ?? '', 'secret'),
        // Empty unless asked: the file cannot know what will answer at its URL (a loopback URL may be a tunnel to
        // Unico). The collection then runs every case against the emulator, recognised by its signal at run time,
        // and stops at the default anywhere else, which the table's order makes cover Unico's documented rules
        // (suites/cases.ts; sandbox/script/settings.ts invalidAttemptBound).
        entry(v.maxInvalidAttempts, values.maxInvalidAttempts === undefined ? '' : String(values.maxInvalidAttempts)),
      ],
      _postman_variable_scope: 'environment',
    },
  };
}
