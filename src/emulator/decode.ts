/**
 * Splits a compact JWS without verifying it, so the emulator can tell "not a JWT" (1.2.20) from the other
 * failures and find the account whose key verifies it. Pure; never throws.
 */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function decodeCompactJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return undefined;
  const header = parseJsonObject(parts[0]);
  const payload = parseJsonObject(parts[1]);
  return header && payload ? { header, payload } : undefined;
}

function parseJsonObject(segment: string): Record<string, unknown> | undefined {
  if (segment === '') return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The `iss` of a token without verifying it, for rate-limit buckets; undefined when there is none. */
export function peekIssuer(token: string): unknown {
  const payload = token.split('.')[1];
  return payload === undefined ? undefined : parseJsonObject(payload)?.iss;
}
