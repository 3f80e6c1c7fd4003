/**
 * A product-API body as JSON, whatever its Content-Type says (clients forget it): empty is `{}` — so an
 * empty create is answered, as Unico does, by naming the first missing field — and anything that does not
 * parse is `invalid_request`.
 */
import type { BodyResult } from '../http';

export type JsonBody = { ok: true; value: unknown } | { ok: false; code: 'body_too_large' | 'invalid_request' };

export function readJsonBody(body: BodyResult): JsonBody {
  if (!body.ok) return { ok: false, code: 'body_too_large' };
  const text = body.body.toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, code: 'invalid_request' };
  }
}
