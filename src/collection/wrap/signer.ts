/**
 * Unico's Authentication collection signs with jsrsasign kept in a collection variable (about 342 KB) and a
 * pre-request script that `eval`s it behind `var navigator = {}; var window = {};` (idcloud-auth.md §6). The
 * auth layer signs by itself, so `wrap` removes both, and points the token request's `assertion` field at the
 * assertion the layer signs. That hand-over is data, not code: the request gets the `X-IdCloud-Case:
 * token-exchange` header the generated `Token` request carries, and `assertion={{idcloud_assertion}}`, so the
 * layer's existing pre-request (and test) script treats it exactly like the generated token exchange.
 */
import { TOKEN_PATH } from '../../idcloud/hosts';
import { CASE_HEADER, RUN_VARIABLES, TOKEN_EXCHANGE_CASE } from '../../suites/variables';
import { isAuthLayerScript } from '../auth-layer';
import { isEmptyOrPlaceholder, isObject, JsonObject, scriptText } from './json';
import { folderSites, requestSites } from './walk';

export interface SignerRemoved {
  /** Collection variables that held the library. */
  variables: string[];
  /** Where the signing scripts were: `collection`, or a folder's or request's path; with their `listen`. */
  scripts: string[];
}

const LIBRARY = /\bKJUR\b|jsrsasign/i;

function isLibraryVariable(v: unknown): v is JsonObject {
  return isObject(v) && ((typeof v.key === 'string' && /jsrsasign/i.test(v.key)) || (typeof v.value === 'string' && LIBRARY.test(v.value)));
}

function isSignerScript(event: unknown, libraryKeys: readonly string[]): boolean {
  if (!isObject(event) || !isObject(event.script)) return false;
  const exec = event.script.exec as string[] | string | undefined;
  if (isAuthLayerScript(exec)) return false;
  const text = scriptText(event);
  return LIBRARY.test(text) || (/\beval\s*\(/.test(text) && libraryKeys.some((key) => text.includes(key)));
}

/** Removes the library variables and the scripts that use them, in place; undefined when there was none. */
export function removeSigner(collection: JsonObject): SignerRemoved | undefined {
  const variables = Array.isArray(collection.variable) ? collection.variable : [];
  const library = variables.filter(isLibraryVariable);
  const libraryKeys = library.map((v) => String(v.key));
  const scripts: string[] = [];
  const holders: { holder: JsonObject; where: string }[] = [
    { holder: collection, where: 'collection' },
    ...folderSites(collection).map((f) => ({ holder: f.folder, where: `folder "${f.path}"` })),
    ...requestSites(collection).map((r) => ({ holder: r.item, where: `"${r.path}"` })),
  ];
  for (const { holder, where } of holders) {
    if (!Array.isArray(holder.event)) continue;
    const kept = holder.event.filter((event) => {
      const signer = isSignerScript(event, libraryKeys);
      if (signer) scripts.push(`${where} (${String((event as JsonObject).listen)})`);
      return !signer;
    });
    if (kept.length === holder.event.length) continue;
    if (kept.length === 0) delete holder.event;
    else holder.event = kept;
  }
  if (library.length === 0 && scripts.length === 0) return undefined;
  if (library.length > 0) {
    const rest = variables.filter((v) => !library.includes(v as JsonObject));
    if (rest.length === 0) delete collection.variable;
    else collection.variable = rest;
  }
  return { variables: libraryKeys, scripts };
}

/** A urlencoded POST to …/oauth2/token whose `assertion` field is filled by hand (`{{jwt_token}}`). */
function tokenRequestAssertion(request: JsonObject, url: string): JsonObject | undefined {
  if (!url.replace(/[?#].*$/, '').replace(/\/+$/, '').endsWith(TOKEN_PATH)) return undefined;
  const body = request.body;
  if (!isObject(body) || body.mode !== 'urlencoded' || !Array.isArray(body.urlencoded)) return undefined;
  return body.urlencoded.find((f) => isObject(f) && f.key === 'assertion' && f.disabled !== true && isEmptyOrPlaceholder(f.value)) as JsonObject | undefined;
}

function caseHeaderValue(request: JsonObject): unknown {
  const header = Array.isArray(request.header) ? request.header.find((h) => isObject(h) && h.key === CASE_HEADER) : undefined;
  return isObject(header) ? header.value : undefined;
}

/** The request names a case of the generated suites (the generator's `X-IdCloud-Case` header). */
export function hasCaseHeader(request: JsonObject): boolean {
  return caseHeaderValue(request) !== undefined;
}

export function hasTokenExchangeCase(request: JsonObject): boolean {
  return caseHeaderValue(request) === TOKEN_EXCHANGE_CASE.id;
}

/**
 * Hands the token request over to the layer's signer: true when it did (or the request already was handed
 * over by an earlier wrap), so the report can say who signs its assertion.
 */
export function handOverTokenRequest(request: JsonObject, url: string): boolean {
  const assertion = tokenRequestAssertion(request, url);
  if (!assertion) return false;
  assertion.value = `{{${RUN_VARIABLES.assertion}}}`;
  if (!hasTokenExchangeCase(request)) {
    request.header = [...(Array.isArray(request.header) ? request.header : []), { key: CASE_HEADER, value: TOKEN_EXCHANGE_CASE.id }];
  }
  return true;
}
