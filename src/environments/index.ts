/**
 * Environments: the built-in `uat` and `production`, `NAME=URL` definitions and the `--config` file,
 * resolved into one typed list. Nothing here knows about Newman or Postman.
 */
import { errorClass, InputError } from '../errors';
import { BUILT_IN_ENVIRONMENTS, EnvironmentUrls } from '../idcloud/hosts';
import { isLoopbackHost } from '../idcloud/origin';

export { isLoopbackHost } from '../idcloud/origin';

export interface Environment extends EnvironmentUrls {
  /** Short name used in file names and reports: letters, digits, `-` and `_`. */
  name: string;
  /** True when the identity host is a loopback address: the errors suite may run by default. */
  isLoopback: boolean;
  /** True for Unico's production identity host: the errors suite also needs --allow-production-errors. */
  isProduction: boolean;
}

/** What a `--config` file may say about one environment. */
export interface EnvironmentConfig {
  identityUrl: string;
  unicoApiUrl?: string;
  clientApiUrl?: string;
  signApiUrl?: string;
}

const NAME_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

export class EnvironmentError extends errorClass(InputError, 'ERR_ENVIRONMENT') {}

/** Origin without trailing slash; throws a one-line error naming `field` when not an http(s) URL. */
export function normalizeBaseUrl(raw: string, field: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new EnvironmentError(`${field}: "${raw}" is not a URL; give e.g. https://identityhomolog.acesso.io`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new EnvironmentError(`${field}: "${raw}" must be an http(s) URL`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new EnvironmentError(`${field}: "${raw}" must be a plain base URL without query, fragment or credentials`);
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

export function makeEnvironment(name: string, config: EnvironmentConfig): Environment {
  if (!NAME_PATTERN.test(name)) {
    throw new EnvironmentError(`--env: "${name}" is not a valid environment name; use letters, digits, "-" or "_"`);
  }
  const identityUrl = normalizeBaseUrl(config.identityUrl, `environment ${name} identityUrl`);
  const origin = new URL(identityUrl).origin;
  const hostname = new URL(identityUrl).hostname;
  return {
    name,
    identityUrl,
    // Product APIs default to the identity origin, which is how the emulator serves them.
    unicoApiUrl: config.unicoApiUrl ? normalizeBaseUrl(config.unicoApiUrl, `environment ${name} unicoApiUrl`) : origin,
    clientApiUrl: config.clientApiUrl ? normalizeBaseUrl(config.clientApiUrl, `environment ${name} clientApiUrl`) : origin,
    signApiUrl: config.signApiUrl ? normalizeBaseUrl(config.signApiUrl, `environment ${name} signApiUrl`) : origin,
    isLoopback: isLoopbackHost(hostname),
    isProduction: identityUrl === BUILT_IN_ENVIRONMENTS.production.identityUrl,
  };
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
    if (eq !== -1) {
      env = makeEnvironment(name, { ...configured[name], identityUrl: spec.slice(eq + 1) });
    } else if (configured[name]) {
      env = makeEnvironment(name, configured[name]);
    } else if (name === 'uat' || name === 'production') {
      env = { name, ...BUILT_IN_ENVIRONMENTS[name], isLoopback: false, isProduction: name === 'production' };
    } else {
      throw new EnvironmentError(`--env: unknown environment "${name}"; use uat, production or ${name}=URL`);
    }
    if (seen.has(env.name)) throw new EnvironmentError(`--env: environment "${env.name}" is given twice`);
    seen.add(env.name);
    return env;
  });
}
