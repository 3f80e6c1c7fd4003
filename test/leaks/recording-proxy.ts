/**
 * A recording HTTP proxy on 127.0.0.1:0 — forward (absolute request URLs, as HTTP_PROXY clients send) or
 * reverse (relative URLs go to `targetUrl`): everything secret that crosses the
 * wire — each assertion sent, each access token issued, every Authorization / APIKEY header — is kept,
 * so a leak test can look for the exact values the run used.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingProxy {
  url: string;
  /** Assertions (form field `assertion`), access tokens (JSON `access_token`), auth header values. */
  secrets(): { label: string; value: string }[];
  /** Requests that went through. */
  count(): number;
  /** Each request that went through, in order: what it asked for and the auth headers it carried. */
  requests(): RecordedRequest[];
  close(): Promise<void>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  apiKey?: string;
}

/** `delayMs`: hold each answer this long, to model a remote environment's round trip (bench). */
export async function startRecordingProxy(targetUrl?: string, opts: { delayMs?: number } = {}): Promise<RecordingProxy> {
  const seen = new Map<string, string>();
  const keep = (label: string, value: string | undefined | null) => {
    if (value && value.length >= 8 && !seen.has(value)) seen.set(value, `${label} #${seen.size + 1}`);
  };
  const recorded: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    recorded.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, apiKey: req.headers.apikey as string | undefined });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const text = body.toString('utf8');
      keep('assertion', new URLSearchParams(text).get('assertion'));
      try {
        keep('assertion (JSON body)', (JSON.parse(text) as { assertion?: string }).assertion);
      } catch {
        // not JSON
      }
      const auth = req.headers.authorization;
      keep('authorization header', auth);
      keep('bearer token', auth?.replace(/^Bearer\s+/i, ''));
      keep('APIKEY header', req.headers.apikey as string | undefined);
      const absolute = /^https?:\/\//.test(req.url ?? '');
      const target = new URL(absolute ? req.url! : `${targetUrl}${req.url}`);
      const headers: http.OutgoingHttpHeaders = { ...req.headers, host: target.host };
      delete headers['proxy-connection'];
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: `${target.pathname}${target.search}`, headers },
        (up) => {
          const out: Buffer[] = [];
          up.on('data', (c: Buffer) => out.push(c));
          up.on('end', () => {
            const answer = Buffer.concat(out);
            try {
              keep('access token', (JSON.parse(answer.toString('utf8')) as { access_token?: string }).access_token);
            } catch {
              // not JSON
            }
            setTimeout(() => {
              res.writeHead(up.statusCode ?? 502, up.headers);
              res.end(answer);
            }, opts.delayMs ?? 0);
          });
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => recorded.length,
    requests: () => [...recorded],
    secrets: () => [...seen].map(([value, label]) => ({ label, value })),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
