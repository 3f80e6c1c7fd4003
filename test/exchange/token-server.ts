/**
 * A scripted token endpoint on 127.0.0.1:0 for the exchange and `token` tests: it verifies every assertion
 * with jose against the account's public key (as Unico would), records what it got, and answers with
 * the next scripted reply — so each test controls status codes, bodies and headers exactly. A stand-in, not the
 * emulator (helpers/emulator.ts), because it answers what the emulator never does: any reply in any order
 * (a 200 without a token, a 429 then a 200, a body that is not JSON, a chosen expires_in, …).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeyObject } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
export { closedPort } from '../helpers/emulator';

export interface Reply {
  status: number;
  body: string | object;
  headers?: Record<string, string>;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  contentType: string;
  form: Record<string, string>;
  /** jose's verdict on the assertion against the public key, aud and RS256. */
  verified: boolean;
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
}

export interface TokenServer {
  url: string;
  requests: ReceivedRequest[];
  /** Every access token the server handed out (to scan outputs for). */
  issuedTokens: string[];
  close(): Promise<void>;
}

let tokenCounter = 0;

/** A 200 reply with a fresh token-like value (the server remembers it in issuedTokens). */
export function okReply(expiresIn = 3600): Reply {
  tokenCounter += 1;
  return { status: 200, body: { access_token: `eyJhbGciOiJSUzI1NiJ9.test-access-token-${tokenCounter}-${Math.random().toString(36).slice(2)}.sig`, token_type: 'Bearer', expires_in: expiresIn } };
}

export async function startTokenServer(publicKey: KeyObject, script: Array<Reply | (() => Reply)>): Promise<TokenServer> {
  const requests: ReceivedRequest[] = [];
  const issuedTokens: string[] = [];
  let url = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const record: ReceivedRequest = { method: req.method ?? '', path: req.url ?? '', contentType: req.headers['content-type'] ?? '', form, verified: false };
      try {
        record.header = decodeProtectedHeader(form.assertion) as Record<string, unknown>;
        const { payload } = await jwtVerify(form.assertion, publicKey, { algorithms: ['RS256'], audience: url });
        record.claims = payload as Record<string, unknown>;
        record.verified = true;
      } catch {
        record.verified = false;
      }
      requests.push(record);
      const next = script.length > 1 ? script.shift()! : script[0];
      const reply = typeof next === 'function' ? next() : next;
      const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      if (reply.status === 200 && typeof reply.body === 'object') issuedTokens.push(String((reply.body as Record<string, unknown>).access_token));
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    issuedTokens,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
