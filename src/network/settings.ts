/**
 * Every outgoing connection's network settings, read once from the environment variables and options a command is
 * given (never from process.env): the proxies (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, either case) and extra trusted CA
 * certificates (--ca-cert / config caCert). NODE_EXTRA_CA_CERTS needs nothing here: Node reads it at start-up into
 * its default trust store, which every connection below keeps (an extra CA is added to it, never replaces it).
 */
import fs from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { findPemBlocks, normalizePemText } from '../sandbox/crypto/pem';
import { CaCertError, ProxyUrlError } from './errors';

/** The proxy variables, as given (credentials included: a secret, never printed). */
export interface ProxyVariables {
  https?: string;
  http?: string;
  noProxy?: string;
}

export interface NetworkSettings {
  proxy: ProxyVariables;
  /** Extra trusted CA certificates (PEM) and the file they came from. */
  ca?: { file: string; pem: string };
}

type Env = Readonly<Record<string, string | undefined>>;

/** HTTPS_PROXY / https_proxy, …: the upper-case name wins, as in curl and Newman's HTTP client. */
function variable(env: Env, name: string): { name: string; value: string } | undefined {
  for (const spelled of [name, name.toLowerCase()]) {
    const value = env[spelled]?.trim();
    if (value) return { name: spelled, value };
  }
  return undefined;
}

/** A proxy URL must parse, with an http(s) scheme and a host; one line naming the variable otherwise (no password). */
function checkedProxy(found: { name: string; value: string } | undefined): string | undefined {
  if (!found) return undefined;
  // Like curl, a bare host:port means http://host:port.
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(found.value) ? found.value : `http://${found.value}`;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !url.hostname || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ProxyUrlError(`${found.name}: not a proxy URL (${redactUserinfo(found.value)}); give http://[user:password@]host:port`);
  }
  return text;
}

/** The proxy variables of `env`, each checked. */
export function readProxyVariables(env: Env): ProxyVariables {
  return {
    https: checkedProxy(variable(env, 'HTTPS_PROXY')),
    http: checkedProxy(variable(env, 'HTTP_PROXY')),
    noProxy: variable(env, 'NO_PROXY')?.value,
  };
}

/** The extra CA certificates of `file`: PEM CERTIFICATE blocks that parse; one line naming `origin` otherwise. */
export function readCaCertFile(file: string, origin = '--ca-cert'): { file: string; pem: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CaCertError(`${origin}: cannot read ${file} (${code}); give the CA certificate file (PEM)`, { cause: error });
  }
  const blocks = findPemBlocks(normalizePemText(text)).filter((b) => b.label === 'CERTIFICATE' || b.label === 'TRUSTED CERTIFICATE');
  if (blocks.length === 0) {
    throw new CaCertError(`${origin}: ${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----); give the CA certificate in PEM (openssl x509 -inform DER -in ca.cer -out ca.pem)`);
  }
  try {
    for (const block of blocks) new X509Certificate(`-----BEGIN CERTIFICATE-----\n${block.body}\n-----END CERTIFICATE-----\n`);
  } catch (error) {
    throw new CaCertError(`${origin}: ${file} has a certificate that does not parse (${(error as Error).message.split('\n')[0]}); copy the CA certificate again`, { cause: error });
  }
  return { file, pem: text };
}

export function readNetworkSettings(opts: { env: Env; caCert?: string; caCertOrigin?: string }): NetworkSettings {
  const proxy = readProxyVariables(opts.env);
  return opts.caCert ? { proxy, ca: readCaCertFile(opts.caCert, opts.caCertOrigin) } : { proxy };
}

/** No proxy, no extra CA: Node's defaults (what a library caller gets without settings). */
export const DIRECT: NetworkSettings = Object.freeze({ proxy: Object.freeze({}) }) as NetworkSettings;

/** `http://user:pass@host:3128` → `http://host:3128`: how a proxy is named in any message. */
export function redactUserinfo(text: string): string {
  return text.replace(/\/\/[^/@\s]*@/, '//');
}
