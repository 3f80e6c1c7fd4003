/**
 * The one log line per request: `METHOD PATH STATUS [CODE] [(reason)]`. Built only from the method, the
 * path (query dropped, JWT-looking or long segments redacted) and the reply's status and tags, so no
 * token, assertion or APIKEY can reach it: those travel in bodies and headers, which are never logged.
 */
import type { Reply } from './http';

const JWT_LIKE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const MAX_SEGMENT = 64;
const MAX_PATH = 200;

export function safePath(pathname: string): string {
  const redacted = pathname
    .split('/')
    .map((segment) => (segment.length > MAX_SEGMENT || JWT_LIKE.test(segment) ? '[redacted]' : segment))
    .join('/')
    .replace(/[^\x21-\x7e]/g, '?');
  return redacted.length > MAX_PATH ? `${redacted.slice(0, MAX_PATH)}…` : redacted;
}

export function formatLogLine(method: string, pathname: string, reply: Pick<Reply, 'status' | 'code' | 'reason'>): string {
  const parts = [method.replace(/[^\x21-\x7e]/g, '?').slice(0, 20), safePath(pathname), String(reply.status)];
  if (reply.code) parts.push(reply.code);
  if (reply.reason && reply.reason !== reply.code) parts.push(`(${reply.reason})`);
  return parts.join(' ');
}
