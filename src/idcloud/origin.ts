/**
 * Origins of URLs as a runtime-neutral rule (no `URL` global: the collection scripts use it inside Postman's
 * sandbox, the environments in Node): scheme + host + port, the host lower-cased and the port made explicit
 * (80 for http, 443 for https), so `HTTPS://Api.Example:443/x` and `https://api.example/y` are one origin.
 * A URL without a scheme is http, as Postman sends it.
 */

export interface UrlOrigin {
  scheme: string;
  /** Lower-cased; an IPv6 address without its brackets. */
  host: string;
  port: string;
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443' };
const AUTHORITY = /^(?:([a-z][a-z0-9+.-]*):)?\/\/([^/?#]*)/i;

/** The origin of an absolute (or scheme-less `host[:port]/…`) URL; undefined when there is no host to speak of. */
export function parseOrigin(url: string): UrlOrigin | undefined {
  const text = url.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.startsWith('//');
  const match = AUTHORITY.exec(withScheme ? text : `//${text}`);
  if (!match) return undefined;
  const scheme = (match[1] || 'http').toLowerCase();
  // userinfo@ is not part of the origin.
  const authority = match[2].slice(match[2].lastIndexOf('@') + 1);
  const hostPort = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority);
  if (!hostPort || !hostPort[1]) return undefined;
  const host = hostPort[1].replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (!host) return undefined;
  const port = hostPort[2] ? String(Number(hostPort[2])) : DEFAULT_PORTS[scheme] || '';
  return { scheme, host, port };
}

/** `scheme://host:port`, comparable with ===; '' when the URL has no origin. */
export function originKey(url: string): string {
  const o = parseOrigin(url);
  return o ? `${o.scheme}://${o.host.indexOf(':') === -1 ? o.host : `[${o.host}]`}:${o.port}` : '';
}

/** 127.0.0.0/8, ::1 and localhost (with its subdomains): a server on this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** True when the URL's host is a loopback address. */
export function isLoopbackUrl(url: string): boolean {
  const o = parseOrigin(url);
  return !!o && isLoopbackHost(o.host);
}
