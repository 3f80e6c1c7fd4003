/**
 * Environments: the built-in `uat` and `production`, `NAME=URL` definitions and the `--config` file,
 * resolved into one typed list. Nothing here knows about Newman or Postman.
 */
import { errorClass, InputError } from '../errors';
import { BUILT_IN_ENVIRONMENTS, EnvironmentUrls } from '../idcloud/hosts';
import { isLoopbackHost } from '../idcloud/origin';
import { nearest } from '../nearest';

import type { EnvironmentConfig } from './config-fields';

export { isLoopbackHost } from '../idcloud/origin';
export { ENVIRONMENT_CONFIG_FIELDS, ENVIRONMENT_CONFIG_FIELD_NAMES, CREDENTIAL_CONFIG_FIELDS } from './config-fields';
export type { EnvironmentConfig, EnvironmentConfigField, ConfigFieldKind, ConfigFieldSpec } from './config-fields';

export interface Environment extends EnvironmentUrls {
  /** Short name used in file names and reports: letters, digits, `-` and `_`. */
  name: string;
  /** True when the identity host is a loopback address: the errors suite may run by default. */
  isLoopback: boolean;
  /** True for Unico's production identity host: the errors suite also needs --allow-production-errors. */
  isProduction: boolean;
  /**
   * The `aud` to sign for when it is not `identityUrl`: behind a gateway or tunnel the URL is local while `aud`
   * stays Unico's. Absent: `aud` is `identityUrl` (audienceOf).
   */
  audience?: string;
}

/** The `aud` an assertion for `env` carries: its audience when set, else its identity URL. */
export function audienceOf(env: Pick<Environment, 'identityUrl' | 'audience'>): string {
  return env.audience ?? env.identityUrl;
}

const NAME_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

export class EnvironmentError extends errorClass(InputError, 'ERR_ENVIRONMENT') {}

/** The path Unico's token endpoint has under every identity base URL (what a pasted token URL ends with). */
const TOKEN_PATH = /\/oauth2\/token\/*$/i;

/**
 * Origin without trailing slash; throws a one-line error naming `field` when not an http(s) base URL.
 * `correct(url)` writes the corrected input the error suggests (by default the URL itself, quoted).
 */
export function normalizeBaseUrl(raw: string, field: string, correct: (url: string) => string = (url) => `"${url}"`): string {
  const text = raw.trim();
  // `127.0.0.1:8780` and `localhost:8780` are one mistake (the scheme left out), whatever URL makes of them.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && /^[^\s/:]+(:\d+)?(\/.*)?$/.test(text)) {
    throw new EnvironmentError(`${field}: "${raw}" has no http:// or https://; give ${correct(`http://${text}`)} (https:// for a remote server)`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new EnvironmentError(`${field}: "${raw}" is not a URL; give the identity base URL, e.g. ${correct('https://identityhomolog.acesso.io')}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new EnvironmentError(`${field}: "${raw}" must be an http(s) URL`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new EnvironmentError(`${field}: "${raw}" must be a plain base URL without query, fragment or credentials`);
  }
  const base = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  if (TOKEN_PATH.test(url.pathname)) {
    // The token URL pasted as the base: every request would go to …/oauth2/token/oauth2/token.
    throw new EnvironmentError(`${field}: "${raw}" is the token URL; give the base URL without /oauth2/token: ${correct(base.replace(TOKEN_PATH, ''))}`);
  }
  return base;
}

/**
 * `identityField` names where the identity URL came from in errors (default: the config file's field), and
 * `correct` writes the corrected input (normalizeBaseUrl).
 */
export function makeEnvironment(
  name: string,
  config: EnvironmentConfig & { identityUrl: string },
  identityField = `environments.${name}.identityUrl`,
  correct?: (url: string) => string,
): Environment {
  if (!NAME_PATTERN.test(name)) {
    throw new EnvironmentError(`--env: "${name}" is not a valid environment name; use letters, digits, "-" or "_"`);
  }
  const identityUrl = normalizeBaseUrl(config.identityUrl, identityField, correct);
  const origin = new URL(identityUrl).origin;
  const hostname = new URL(identityUrl).hostname;
  const url = (field: 'unicoApiUrl' | 'clientApiUrl' | 'signApiUrl' | 'audience'): string | undefined => {
    const raw = config[field];
    return raw !== undefined && raw.trim() !== '' ? normalizeBaseUrl(raw, `environments.${name}.${field}`) : undefined;
  };
  const audience = url('audience');
  return {
    name,
    identityUrl,
    // Product APIs default to the identity origin, which is how the emulator serves them.
    unicoApiUrl: url('unicoApiUrl') ?? origin,
    clientApiUrl: url('clientApiUrl') ?? origin,
    signApiUrl: url('signApiUrl') ?? origin,
    isLoopback: isLoopbackHost(hostname),
    // Behind a gateway the URL is local but an audience of Unico's production is still production.
    isProduction: identityUrl === BUILT_IN_ENVIRONMENTS.production.identityUrl || audience === BUILT_IN_ENVIRONMENTS.production.identityUrl,
    ...(audience !== undefined && audience !== identityUrl ? { audience } : {}),
  };
}

/** A built-in environment, with whatever a config file says about it (its URLs, an audience) on top. */
function builtInEnvironment(name: 'uat' | 'production', config: EnvironmentConfig = {}): Environment {
  const env = makeEnvironment(name, { ...BUILT_IN_ENVIRONMENTS[name], ...definedValues(config) });
  // Unico's production stays production whatever its URLs are routed through (a gateway keeps aud Unico's).
  return { ...env, isProduction: name === 'production' || env.isProduction };
}

function definedValues(config: EnvironmentConfig): EnvironmentConfig {
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined && v.trim() !== ''));
}

/**
 * Resolves `--env` values (`uat`, `production`, `NAME`, `NAME=URL`) against the built-ins and the
 * environments of a config file. Order is kept; duplicates are an error.
 */
export function resolveEnvironments(
  specs: readonly string[],
  configured: Readonly<Record<string, EnvironmentConfig>> = {},
): Environment[] {
  if (specs.length === 0) {
    throw new EnvironmentError('--env: name at least one environment (uat, production or NAME=URL)');
  }
  const seen = new Set<string>();
  return specs.map((spec) => {
    const eq = spec.indexOf('=');
    const name = (eq === -1 ? spec : spec.slice(0, eq)).trim();
    let env: Environment;
    const config = configured[name];
    if (eq !== -1) {
      env = makeEnvironment(name, { ...config, identityUrl: spec.slice(eq + 1) }, `--env ${name}`, (url) => `--env ${name}=${url}`);
    } else if (config?.identityUrl !== undefined) {
      env = makeEnvironment(name, { ...config, identityUrl: config.identityUrl });
    } else if (name === 'uat' || name === 'production') {
      // A built-in name may appear in a config file without identityUrl, to carry credentials or an audience.
      env = builtInEnvironment(name, config);
    } else if (config) {
      throw new EnvironmentError(`--config: environments.${name}.identityUrl is missing; give the identity base URL (only uat and production have one built in)`);
    } else {
      const known = ['uat', 'production', ...Object.keys(configured)];
      const likely = nearest(name, known);
      const choices = `${known.join(', ')} or ${name}=URL`;
      throw new EnvironmentError(`--env: unknown environment "${name}"; ${likely ? `did you mean ${likely}? (known: ${choices})` : `use ${choices}`}`);
    }
    if (seen.has(env.name)) throw new EnvironmentError(`--env: environment "${env.name}" is given twice`);
    seen.add(env.name);
    return env;
  });
}
