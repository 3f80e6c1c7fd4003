/**
 * One form POST with node:http(s): a fresh connection per call (token exchanges are rare, and no pooled
 * socket keeps a CLI process alive), a hard timeout, and the system error code kept for the caller.
 */
import http from 'node:http';
import https from 'node:https';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export class HttpFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const MAX_BODY_BYTES = 1024 * 1024;

export function postForm(url: string, fields: Record<string, string>, timeoutMs: number): Promise<HttpAnswer> {
  const body = new URLSearchParams(fields).toString();
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      target,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), accept: 'application/json' },
      },
      (response) => {
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
    request.setTimeout(timeoutMs, () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    request.on('error', (error) => reject(new HttpFailure(errorCode(error))));
    request.end(body);
  });
}

function errorCode(error: Error): string {
  return (error as NodeJS.ErrnoException).code ?? 'ERR_UNKNOWN';
}

/** A reason a person understands, from a system or TLS error code. */
export function describeNetworkReason(code: string): string {
  switch (code) {
    case 'ECONNREFUSED': return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN': return 'host not found (DNS)';
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT': return 'timed out';
    case 'ECONNRESET': return 'connection reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH': return 'network unreachable';
    default:
      if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME/.test(code)) return `TLS error ${code}`;
      return code;
  }
}
