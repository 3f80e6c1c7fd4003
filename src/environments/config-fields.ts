/**
 * The fields of one environment in a `--config` file (`environments.NAME`), declared once: the config parser
 * reads exactly these (an unknown field is an error, not silently dropped), the EnvironmentConfig type is made
 * from them, and the documentation (README's table, the parser's messages) lists them from here.
 */

/** How a field's value is read: a base URL, a path relative to the config file, or plain text. */
export type ConfigFieldKind = 'url' | 'path' | 'text';

export interface ConfigFieldSpec {
  kind: ConfigFieldKind;
  /** What it holds, for the documentation. */
  describe: string;
  /** A credential of the environment's own service account (beats the global setting for it). */
  credential?: true;
}

export const ENVIRONMENT_CONFIG_FIELDS = {
  identityUrl: { kind: 'url', describe: "identity base URL (the token endpoint's origin); optional for uat and production" },
  unicoApiUrl: { kind: 'url', describe: '"by Unico" product API base URL (default: the identity origin)' },
  clientApiUrl: { kind: 'url', describe: '"by Client" product API base URL (default: the identity origin)' },
  signApiUrl: { kind: 'url', describe: 'sign host base URL (default: the identity origin)' },
  audience: { kind: 'url', describe: 'the aud to sign for when it is not identityUrl (a gateway or tunnel in front of Unico)' },
  payload: { kind: 'path', describe: "this environment's base payload JSON file", credential: true },
  iss: { kind: 'text', describe: "this environment's iss, instead of payload", credential: true },
  key: { kind: 'path', describe: "this environment's RSA private key PEM file", credential: true },
  apiKey: { kind: 'text', describe: "this environment's APIKEY for the \"by Client\" API", credential: true },
} as const satisfies Record<string, ConfigFieldSpec>;

export type EnvironmentConfigField = keyof typeof ENVIRONMENT_CONFIG_FIELDS;

/** Every field name, in the order above. */
export const ENVIRONMENT_CONFIG_FIELD_NAMES = Object.keys(ENVIRONMENT_CONFIG_FIELDS) as EnvironmentConfigField[];

/** What a `--config` file may say about one environment: every field optional, every value a string. */
export type EnvironmentConfig = { [K in EnvironmentConfigField]?: string };

/** The fields whose values are URLs: what makes an Environment. */
export type EnvironmentUrlField = { [K in EnvironmentConfigField]: (typeof ENVIRONMENT_CONFIG_FIELDS)[K]['kind'] extends 'url' ? K : never }[EnvironmentConfigField];

/** The fields that are credentials of the environment's own service account. */
export const CREDENTIAL_CONFIG_FIELDS = ENVIRONMENT_CONFIG_FIELD_NAMES.filter((f) => 'credential' in ENVIRONMENT_CONFIG_FIELDS[f]);
