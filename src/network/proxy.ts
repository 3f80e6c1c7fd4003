/**
 * Which proxy a URL goes through. The rule is proxy-from-env's (a well-kept library: NO_PROXY with suffixes,
 * leading dots, `*`, ports, case; the scheme-less proxy form), fed only the variables the command was given —
 * never the process's own environment, and never npm_config_* or ALL_PROXY, which the contract does not name.
 * An https URL without HTTPS_PROXY goes through HTTP_PROXY, as in Newman's HTTP client (postman-request), so that
 * the collection's requests and our own connections take the same way.
 */
import { getProxyForUrl } from 'proxy-from-env';
import type { NetworkSettings } from './settings';
import { redactUserinfo } from './settings';

/** The proxy URL for `url`, or undefined for a direct connection. */
export function proxyFor(url: string | URL, settings: NetworkSettings): URL | undefined {
  const { https, http, noProxy } = settings.proxy;
  if (!https && !http) return undefined;
  const variables = { https_proxy: https ?? http, http_proxy: http, no_proxy: noProxy };
  const proxy = withProcessEnv(variables, () => getProxyForUrl(String(url)));
  return proxy ? new URL(proxy) : undefined;
}

/**
 * proxy-from-env reads process.env; it is given exactly `variables` for one synchronous call and the process's
 * own environment is put back before anything else can run.
 */
function withProcessEnv<T>(variables: Record<string, string | undefined>, read: () => T): T {
  const own = process.env;
  process.env = Object.fromEntries(Object.entries(variables).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  try {
    return read();
  } finally {
    process.env = own;
  }
}

/** How messages name a proxy: its scheme, host and port, never its user name or password. */
export function describeProxy(proxy: URL): string {
  return redactUserinfo(proxy.origin === 'null' ? proxy.href : `${proxy.protocol}//${proxy.host}`);
}
