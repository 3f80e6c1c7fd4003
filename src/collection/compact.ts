/**
 * Trims the SDK's JSON to what the v2.1 format needs: URL objects back to their `{{var}}/path` text, plain-text
 * descriptions to strings, empty lists dropped, and the random ids the SDK gives every item and script dropped
 * (we give none: ids are optional in v2.1 and the runtime and the Postman app assign their own; the one id we
 * compute, `info._postman_id`, stays). The file stays small and reads like a hand-made export.
 */
import { Url } from 'postman-collection';

const DROPPABLE_WHEN_EMPTY = new Set(['response', 'event', 'query', 'variable', 'item', 'noauth']);

export function compactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compactJson);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(child) && child.length === 0 && DROPPABLE_WHEN_EMPTY.has(key)) continue;
    if (key === 'id') continue;
    if (key === 'url' && typeof child === 'object' && child !== null) {
      out.url = new Url(child).toString();
    } else if (key === 'description' && isPlainTextDescription(child)) {
      out.description = child.content;
    } else {
      out[key] = compactJson(child);
    }
  }
  return out;
}

function isPlainTextDescription(value: unknown): value is { content: string } {
  const d = value as { content?: unknown; type?: unknown } | null;
  return typeof d === 'object' && d !== null && typeof d.content === 'string' && (d.type === undefined || d.type === 'text/plain');
}
