/**
 * One form POST with node:http(s): a fresh connection per call (token exchanges are rare, and no pooled
 * socket keeps a CLI process alive), a hard timeout, and the system error code kept for the caller. The
 * connection (proxy, trusted CAs) is the network module's.
 */
import http from 'node:http';
import https from 'node:https';
import { connectionFor, describeNetworkReason, DIRECT, NetworkSettings, proxyAnswer, watchProxy } from '../network';

export { describeNetworkReason } from '../network';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export class HttpFailure extends Error {
  /** `reason`: a system or TLS error code; `detail`: a whole sentence instead (a proxy's refusal). */
  constructor(readonly reason: string, readonly detail?: string) {
    super(detail ?? reason);
  }

  /** What went wrong, in words. */
  describe(): string {
    return this.detail ?? describeNetworkReason(this.reason);
  }
}

const MAX_BODY_BYTES = 1024 * 1024;

export function postForm(url: string, fields: Record<string, string>, timeoutMs: number, network: NetworkSettings = DIRECT): Promise<HttpAnswer> {
  const body = new URLSearchParams(fields).toString();
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  const connection = connectionFor(target, network);
  return new Promise((resolve, reject) => {
    const request = transport.request(
      target,
      {
        method: 'POST',
        agent: connection.agent,
        ...connection.tls,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), accept: 'application/json' },
      },
      (response) => {
        const fromProxy = proxyAnswer(connection, response.statusCode ?? 0, connectStatus());
        if (fromProxy) {
          response.resume();
          request.destroy();
          reject(new HttpFailure('ERR_PROXY', fromProxy));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_BODY_BYTES) chunks.push(chunk);
        });
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') });
          // A server may keep the socket open despite Connection: close; an open socket would keep a
          // CLI process alive until the timeout fires.
          request.destroy();
        });
        response.on('error', (error) => reject(new HttpFailure(errorCode(error))));
      },
    );
    const connectStatus = watchProxy(request, connection);
    request.setTimeout(timeoutMs, () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    request.on('error', (error) => reject(new HttpFailure(errorCode(error))));
    request.end(body);
  });
}

function errorCode(error: Error): string {
  return (error as NodeJS.ErrnoException).code ?? 'ERR_UNKNOWN';
}
