/**
 * Folding a request's hand-filled credentials into the auth layer: `bearer` auth whose token is empty or a
 * `{{placeholder}}`, and enabled `Authorization: {{var}}` / `Authorization: Bearer {{var}}` / `APIKEY: {{var}}`
 * headers. The layer signs and fills the token (and adds `APIKEY: {{api_key}}` to `client_api_url` requests),
 * so these are removed rather than rewritten: a wrapped request reads exactly like one the user adds in Postman.
 * Anything that is a credential of its own (basic, a literal token, `noauth`, …) is left as it is.
 */
import { authLayerAuth } from '../auth-layer';
import { isEmptyOrPlaceholder, isObject, JsonObject } from './json';

/** `bearer` auth (v2.1 list form) whose token is empty or one `{{variable}}`. */
export function isPlaceholderBearer(auth: unknown): boolean {
  return isObject(auth) && auth.type === 'bearer' && isEmptyOrPlaceholder(bearerTokenValue(auth));
}

/** The layer's own bearer (`{{idcloud_access_token}}`), whatever the order of its keys (the SDK reorders them). */
export function isLayerBearer(auth: unknown): boolean {
  return isObject(auth) && auth.type === 'bearer' && bearerTokenValue(auth) === bearerTokenValue(authLayerAuth() as JsonObject);
}

/** The bearer's `token` parameter's value; undefined when it has none. */
function bearerTokenValue(auth: JsonObject): unknown {
  const params = Array.isArray(auth.bearer) ? auth.bearer : [];
  return (params.find((p) => isObject(p) && p.key === 'token') as JsonObject | undefined)?.value;
}

/** How the report names an auth: its type, and for bearer whether the token is literal. */
export function authLabel(auth: unknown): string {
  if (!isObject(auth)) return 'none';
  const type = String(auth.type);
  if (type === 'bearer') return isPlaceholderBearer(auth) ? 'bearer with a placeholder token' : 'bearer with a literal token';
  return type;
}

/** The bearer's token text for the report (`{{authorization}}`, or "empty"); never a literal token. */
export function placeholderLabel(value: unknown): string {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : 'empty';
}

/** Removes placeholder bearer auth from an item's request (or a folder); what was folded, or undefined. */
export function foldPlaceholderAuth(holder: JsonObject): string | undefined {
  if (!isPlaceholderBearer(holder.auth)) return undefined;
  const label = `bearer auth (token ${placeholderLabel(bearerTokenValue(holder.auth as JsonObject))})`;
  delete holder.auth;
  return label;
}

const AUTHORIZATION_PLACEHOLDER = /^\s*(?:bearer\b\s*)?(?:\{\{[^{}]+\}\})?\s*$/i;

function headerName(header: JsonObject): string {
  return typeof header.key === 'string' ? header.key.trim().toLowerCase() : '';
}

/** Removes the placeholder Authorization and APIKEY headers; each folded header as `Key: value`. */
export function foldPlaceholderHeaders(request: JsonObject): string[] {
  if (!Array.isArray(request.header)) return [];
  const folded: string[] = [];
  request.header = request.header.filter((header) => {
    if (!isObject(header) || header.disabled === true) return true;
    const name = headerName(header);
    const value = typeof header.value === 'string' ? header.value : '';
    const fold = (name === 'authorization' && AUTHORIZATION_PLACEHOLDER.test(value)) || (name === 'apikey' && isEmptyOrPlaceholder(header.value));
    if (fold) folded.push(`${String(header.key)}: ${value.trim() || '(empty)'}`);
    return !fold;
  });
  return folded;
}

/** True when an enabled Authorization header is still there (a credential of the user's own). */
export function hasAuthorizationHeader(request: JsonObject): boolean {
  return Array.isArray(request.header) && request.header.some((h) => isObject(h) && h.disabled !== true && headerName(h) === 'authorization');
}
