/**
 * Small HTTP plumbing for node:http: bounded body reading, the reply value every handler returns, and
 * writing it. Handlers stay pure functions of (request data → Reply).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Token-endpoint bodies above this get 413: a form with one assertion is a few KB at most. */
export const MAX_BODY_BYTES = 64 * 1024;
/**
 * Product-API bodies above this get 413: room for an 800 KB image in base64 (~1.07 MB) or a few PDFs of a
 * sign flow, with the JSON around them.
 */
export const MAX_PRODUCT_BODY_BYTES = 2 * 1024 * 1024;
/** Past this the emulator stops draining an oversized body and drops the connection. */
const MAX_DRAIN_BYTES = 16 * 1024 * 1024;

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Unico error code (or product-API code) for the log line. */
  code?: string;
  /** Short tag for the log line (why an uncoded 401), never a secret. */
  reason?: string;
  /** Sent as these bytes with this Content-Type instead of `body` as JSON (PDFs, raw images, the outage switch's HTML page). */
  raw?: { contentType: string; bytes: Buffer };
}

export type BodyResult = { ok: true; body: Buffer } | { ok: false; tooLarge: true };

/** Reads the whole body; one above `limit` bytes is drained (to answer 413 cleanly) but not kept. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) req.destroy();
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size <= limit ? { ok: true, body: Buffer.concat(chunks) } : { ok: false, tooLarge: true }));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('request aborted')));
  });
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  const bytes = reply.raw ? reply.raw.bytes : Buffer.from(JSON.stringify(reply.body));
  res.writeHead(reply.status, {
    'Content-Type': reply.raw ? reply.raw.contentType : 'application/json; charset=utf-8',
    'Content-Length': bytes.length,
    'Cache-Control': 'no-store',
    ...reply.headers,
  });
  res.end(bytes);
}

/** One request header as a single string (repeated headers joined), or undefined. */
export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/** An answer sent as these bytes (Reply.raw) rather than as JSON. */
export function rawReply(status: number, contentType: string, bytes: Buffer, reason?: string): Reply {
  return { status, body: undefined, raw: { contentType, bytes }, ...(reason !== undefined && { reason }) };
}

export function oauthError(status: number, error: string, description: string, headers?: Record<string, string>): Reply {
  return { status, body: { error, error_description: description }, headers, reason: error };
}
