/**
 * Where a request goes, as `wrap` can tell from the collection alone: one of the environment's product API
 * URLs (the auth layer sends the token there), the identity service, or another origin. A URL that starts with
 * a collection variable is followed through the variable's value (Unico's Authentication collection keeps
 * its host in `base_path`).
 */
import { parseOrigin } from '../../idcloud/origin';
import { ENV_VARIABLES, PRODUCT_URL_VARIABLES } from '../../suites/variables';
import { isObject, JsonObject } from './json';

export type Origin =
  | { kind: 'product'; variable: string }
  | { kind: 'identity' }
  /** `origin`: the scheme and host, or the `{{variable}}` the URL starts with. */
  | { kind: 'other'; origin: string };

const LEADING_VARIABLE = /^\s*\{\{\s*([^{}]+?)\s*\}\}/;

/** The variables a URL may start with, from the collection (and its folders), by name. */
export function variableValues(collection: JsonObject, folders: readonly JsonObject[] = []): Map<string, string> {
  const values = new Map<string, string>();
  for (const scope of [collection, ...folders]) {
    if (!Array.isArray(scope.variable)) continue;
    for (const v of scope.variable) {
      const name = isObject(v) ? (v.key ?? v.id) : undefined;
      if (typeof name === 'string' && isObject(v) && typeof v.value === 'string' && v.disabled !== true) values.set(name, v.value);
    }
  }
  return values;
}

export function originOf(url: string, variables: ReadonlyMap<string, string>): Origin {
  let text = url;
  // A few hops at most: a variable whose value is another variable.
  for (let hop = 0; hop < 5; hop += 1) {
    const name = LEADING_VARIABLE.exec(text)?.[1];
    if (name === undefined) break;
    if (PRODUCT_URL_VARIABLES.includes(name)) return { kind: 'product', variable: name };
    if (name === ENV_VARIABLES.identityUrl) return { kind: 'identity' };
    const value = variables.get(name);
    if (value === undefined) return { kind: 'other', origin: `{{${name}}}` };
    text = value + text.replace(LEADING_VARIABLE, '');
  }
  return { kind: 'other', origin: originLabel(text) };
}

/** The port a scheme implies, by idcloud/origin.ts's rule ('' for a scheme without one). */
export function impliedPort(scheme: string): string {
  return parseOrigin(`${scheme}://h`)?.port ?? '';
}

/** How the report names a literal origin: scheme://host, the port only when it is not the scheme's; never userinfo. */
function originLabel(url: string): string {
  const o = parseOrigin(url);
  if (!o) return url.trim() || '(no URL)';
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  return `${o.scheme}://${host}${o.port === impliedPort(o.scheme) ? '' : `:${o.port}`}`;
}
