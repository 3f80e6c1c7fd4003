/**
 * Unico's hosts → the environment's variables (src/suites/variables.ts HOST_VARIABLES), wherever they stand: URLs in
 * string form, URLs in object form (`raw`, `protocol`, `host`, `port` updated together, as the app exports a
 * `{{variable}}` URL) and variable values. Only the scheme and host are replaced: the path, a trailing slash,
 * the query and the fragment stay exactly as the user wrote them.
 */
import { Url } from 'postman-collection';
import { HOST_VARIABLES } from '../../suites/variables';
import { parseOrigin } from '../../idcloud/origin';
import { isObject, JsonObject } from './json';
import { impliedPort } from './origin';

export interface HostMapped {
  /** The request's path in the collection, or `variable NAME`. */
  where: string;
  host: string;
  variable: string;
}

/** The origin's text at the start of a URL: scheme://host[:port], or a scheme-less `host/path` (the app accepts it). */
const ORIGIN_TEXT = /^(?:https?:\/\/)?[A-Za-z0-9.-]+(?::\d+)?(?=[/?#]|$)/i;

/** The URL text with a known Unico origin replaced by `{{variable}}`, or undefined when it has none. */
export function mapUrlText(raw: string): { text: string; host: string; variable: string } | undefined {
  const text = ORIGIN_TEXT.exec(raw)?.[0];
  if (text === undefined) return undefined;
  // Scheme-less, the host is read as Unico serves it: https.
  const origin = parseOrigin(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  const variable = origin ? HOST_VARIABLES[origin.host] : undefined;
  if (!origin || !variable || origin.port !== impliedPort(origin.scheme)) return undefined;
  return { text: `{{${variable}}}${raw.slice(text.length)}`, host: origin.host, variable };
}

/** Maps the request's URL in place; what it replaced, or undefined. */
export function mapRequestUrl(request: JsonObject): { host: string; variable: string } | undefined {
  const url = request.url;
  if (typeof url === 'string') {
    const mapped = mapUrlText(url);
    if (mapped) request.url = mapped.text;
    return mapped;
  }
  if (!isObject(url)) return undefined;
  return mapUrlObject(url);
}

function mapUrlObject(url: JsonObject): { host: string; variable: string } | undefined {
  let mapped: { host: string; variable: string } | undefined;
  if (typeof url.raw === 'string') {
    const text = mapUrlText(url.raw);
    if (!text) return undefined;
    url.raw = text.text;
    mapped = text;
  } else {
    // No raw text: the host list (or string) alone says where it goes.
    const host = new Url({ host: url.host } as never).getHost().toLowerCase();
    const variable = HOST_VARIABLES[host];
    if (!variable) return undefined;
    mapped = { host, variable };
  }
  // The variable carries the scheme (and any port): the app exports `{{var}}/path` with host ["{{var}}"] only.
  url.host = Url.parse(`{{${mapped.variable}}}`).host;
  delete url.protocol;
  delete url.port;
  return mapped;
}

/** Maps a variable's value in place (`{key, value}`, as collection and folder variables are). */
export function mapVariable(variable: JsonObject): { host: string; variable: string } | undefined {
  if (typeof variable.value !== 'string') return undefined;
  const mapped = mapUrlText(variable.value.trim());
  if (mapped) variable.value = mapped.text;
  return mapped;
}

/** The text of a request's URL, either form, for reading its origin. */
export function urlText(request: JsonObject | string): string {
  if (typeof request === 'string') return request;
  const url = request.url;
  if (typeof url === 'string') return url;
  if (!isObject(url)) return '';
  return typeof url.raw === 'string' ? url.raw : new Url(url as never).toString();
}
