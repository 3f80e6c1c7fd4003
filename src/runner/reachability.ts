/**
 * Preflight: can the identity host be reached at all? Any HTTP answer (even 404) means yes; a refused
 * connection, a DNS failure, a timeout or a TLS failure means the environment is unreachable (exit 3),
 * explained in one line. The answer also says whether the emulator gave it (idcloud/emulator-signal.ts: its
 * header, on loopback), which is how `run` picks the default suite.
 */
import http from 'node:http';
import https from 'node:https';
import { connectionFor, describeNetworkReason, describeProxy, DIRECT, NetworkSettings, proxyAnswer, watchProxy } from '../network';
import { EMULATOR_HEADER, isEmulatorAnswer } from '../idcloud/emulator-signal';

/** Error codes meaning "could not reach" (as opposed to a failed test); the wording is the exchange's. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EADDRNOTAVAIL',
  'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL',
  'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNABORTED',
]);
const TLS_CODE = /^(CERT_|ERR_TLS|ERR_SSL|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|ERR_OSSL|HOSTNAME_MISMATCH)/;

/** One line for a network error (`connection refused (127.0.0.1:9)`), or undefined when it is not one. */
export function describeNetworkError(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as { code?: unknown; hostname?: unknown; address?: unknown; port?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const where = typeof e.address === 'string' ? `${e.address}${e.port ? `:${String(e.port)}` : ''}` : typeof e.hostname === 'string' ? e.hostname : '';
  const at = where ? ` (${where})` : '';
  // EPROTO: the TLS handshake failed (e.g. an https URL on a plain-http port); its message is OpenSSL noise.
  if (code === 'EPROTO') return `TLS handshake failed${at} [EPROTO]`;
  if (!NETWORK_CODES.has(code) && !TLS_CODE.test(code)) return undefined;
  return `${describeNetworkReason(code)}${at}`;
}

/** Resolves to undefined when `baseUrl` answers HTTP, else to a one-line reason. Never rejects. */
export async function checkReachable(baseUrl: string, timeoutMs: number, network: NetworkSettings = DIRECT): Promise<string | undefined> {
  return (await probe(baseUrl, timeoutMs, network)).unreachable;
}

export interface Probe {
  /** One line when `baseUrl` gave no HTTP answer. */
  unreachable?: string;
  /** The answer carried the emulator's signal and `baseUrl` is on loopback. */
  emulator: boolean;
}

/**
 * The preflight: one HEAD to `baseUrl`, through the proxy `network` names for it (a proxy's own refusal is not
 * an answer of the server) and trusting its CAs. Never rejects.
 */
export function probe(baseUrl: string, timeoutMs: number, network: NetworkSettings = DIRECT): Promise<Probe> {
  return new Promise((done) => {
    const resolve = (unreachable: string | undefined, emulator = false) => done(unreachable === undefined ? { emulator } : { unreachable, emulator });
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      resolve(`"${baseUrl}" is not a URL`);
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    const connection = connectionFor(url, network);
    const request = client.request(url, { method: 'HEAD', timeout: timeoutMs, agent: connection.agent, ...connection.tls }, (response) => {
      response.resume();
      const fromProxy = proxyAnswer(connection, response.statusCode ?? 0, connectStatus());
      request.destroy();
      if (fromProxy) resolve(`${url.origin} is unreachable: ${fromProxy}`);
      else resolve(undefined, isEmulatorAnswer(baseUrl, response.headers[EMULATOR_HEADER.toLowerCase()]));
    });
    const connectStatus = watchProxy(request, connection);
    request.on('timeout', () => {
      request.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT', hostname: url.host }));
    });
    request.on('error', (error: NodeJS.ErrnoException & { hostname?: string }) => {
      const reason = describeNetworkError({ ...error, message: error.message, hostname: error.hostname ?? url.host });
      const via = connection.proxy ? ` (through proxy ${describeProxy(connection.proxy)})` : '';
      resolve(`${url.origin} is unreachable: ${reason ?? error.message.split('\n')[0]}${via}`);
    });
    request.end();
  });
}
