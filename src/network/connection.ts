/**
 * The connection of one request: the agent (direct, or through the proxy with CONNECT for https and an
 * absolute-form request for http — https-proxy-agent and http-proxy-agent, which also send the proxy URL's
 * credentials as Proxy-Authorization) and the TLS trust (Node's default store, NODE_EXTRA_CA_CERTS included,
 * plus --ca-cert). Verification is never turned off. Every Node path (preflight, exchange, doctor --online) asks
 * here; Newman's requests get the same through newman-options.ts.
 */
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { findPemBlocks, normalizePemText } from '../sandbox/crypto/pem';
import { describeProxy, proxyFor } from './proxy';
import type { NetworkSettings } from './settings';

export interface Connection {
  /** A fresh agent (no pooled socket keeps a CLI process alive). */
  agent: http.Agent;
  /** Request options for TLS: the trust store with the extra CA (also used for the server behind a CONNECT). */
  tls: { secureContext?: tls.SecureContext };
  /** The proxy the request goes through, if any. */
  proxy?: URL;
}

/** Node's default trust store (with NODE_EXTRA_CA_CERTS) plus the extra CA certificates; undefined: the default. */
export function secureContextFor(settings: NetworkSettings): tls.SecureContext | undefined {
  if (!settings.ca) return undefined;
  const context = tls.createSecureContext();
  for (const block of findPemBlocks(normalizePemText(settings.ca.pem))) {
    if (block.label === 'CERTIFICATE' || block.label === 'TRUSTED CERTIFICATE') {
      context.context.addCACert(`-----BEGIN CERTIFICATE-----\n${block.body.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`);
    }
  }
  return context;
}

export function connectionFor(target: URL, settings: NetworkSettings): Connection {
  const secureContext = secureContextFor(settings);
  const tlsOptions = secureContext ? { secureContext } : {};
  const proxy = proxyFor(target, settings);
  if (proxy) {
    // An https proxy is itself reached over TLS with the same trust.
    const agent = target.protocol === 'https:' ? new HttpsProxyAgent(proxy, { ...tlsOptions, keepAlive: false }) : new HttpProxyAgent(proxy, { ...tlsOptions, keepAlive: false });
    return { agent, tls: tlsOptions, proxy };
  }
  const agent = target.protocol === 'https:' ? new https.Agent({ ...tlsOptions, keepAlive: false }) : new http.Agent({ keepAlive: false });
  return { agent, tls: tlsOptions };
}

/**
 * When `request` goes through a proxy, records the proxy's own answer to CONNECT (https targets), so that a
 * refusal (407) or a failure (5xx) is told apart from the server's answer. Returns the reading.
 */
export function watchProxy(request: http.ClientRequest, connection: Connection): () => number | undefined {
  let connectStatus: number | undefined;
  if (connection.proxy) request.once('proxyConnect', (connect: { statusCode?: number }) => (connectStatus = connect.statusCode));
  return () => connectStatus;
}

/**
 * One line for an answer that came from the proxy rather than the server (undefined when it did not): a 407 (the
 * proxy wants credentials, or refused them) or a CONNECT that did not succeed. Names the proxy, never its password.
 */
export function proxyAnswer(connection: Connection, status: number, connectStatus: number | undefined): string | undefined {
  if (!connection.proxy) return undefined;
  const proxy = `proxy ${describeProxy(connection.proxy)}`;
  const variable = connection.proxy.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTPS_PROXY/HTTP_PROXY';
  if (status === 407 || connectStatus === 407) {
    const why = connection.proxy.username ? 'refused its credentials' : 'asks for credentials';
    return `${proxy} ${why} (HTTP 407 Proxy Authentication Required); put user:password in ${variable} (http://user:password@host:port)`;
  }
  if (connectStatus !== undefined && connectStatus !== 200) return `${proxy} could not open a tunnel (CONNECT answered HTTP ${connectStatus}); check the proxy, or NO_PROXY for hosts it cannot reach`;
  return undefined;
}
