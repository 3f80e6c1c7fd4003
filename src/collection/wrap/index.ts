/**
 * `wrapCollection(json, options)`: an existing Collection v2.0/v2.1 in, the same collection out with the auth
 * layer (cli-contract.md "The auth layer", `wrap`), and a report of what changed. Pure: no files, no network.
 *
 * Order of the work: read and validate (v2.0 → v2.1) · remove a jsrsasign signer · map Unico's hosts in
 * variables and URLs · fold placeholder credentials of requests to product APIs · hand Unico's token request to
 * the layer's signer · set the collection's auth and scripts. Every step leaves a step's own output as it is,
 * so wrapping a wrapped collection changes nothing.
 */
import { ENV_VARIABLES } from '../../suites/variables';
import { authLabel, foldPlaceholderAuth, foldPlaceholderHeaders, hasAuthorizationHeader } from './auth';
import { WrapNoRequestsError } from './errors';
import { HostMapped, mapRequestUrl, mapUrlText, mapVariable, urlText } from './hosts';
import { readCollection } from './input';
import { isObject, JsonObject } from './json';
import { applyLayer, collectionAuthChange } from './layer';
import { originOf, variableValues } from './origin';
import { LeftAlone, WrapReport } from './report';
import { emptySecretVariables } from './secrets';
import { handOverTokenRequest, hasCaseHeader, hasTokenExchangeCase, removeSigner } from './signer';
import { folderSites, RequestSite, requestSites, variableScopes } from './walk';

export * from './errors';
export { reportLines } from './report';
export type { WrapReport, LeftAlone, LeftAloneReason } from './report';
export type { HostMapped } from './hosts';
export type { SourceFormat } from './input';
export type { SignerRemoved } from './signer';

export interface WrapOptions {
  /** How messages and the report name the input (the CLI passes the file name). Default `collection`. */
  source?: string;
}

export interface WrappedCollection {
  /** Collection v2.1 JSON. */
  collection: object;
  report: WrapReport;
}

export function wrapCollection(json: unknown, options: WrapOptions = {}): WrappedCollection {
  const source = options.source ?? 'collection';
  const { collection, format } = readCollection(json, source);
  const before = JSON.stringify(collection);
  const sites = requestSites(collection);
  if (sites.length === 0) throw new WrapNoRequestsError(`${source}: the collection has no requests; add at least one request in Postman, export it again and wrap that file`);

  const signerRemoved = removeSigner(collection);
  const secretsEmptied = emptySecretVariables(collection);
  const hostsMapped = mapVariables(collection);
  const authChange = collectionAuthChange(collection);
  const folded: WrapReport['folded'] = [];
  // What each folded folder had: its requests to other origins keep it as their own.
  const foldedFolders = new Map<JsonObject, unknown>();
  for (const { folder, path } of folderSites(collection)) {
    const auth = folder.auth;
    const what = foldPlaceholderAuth(folder);
    if (!what) continue;
    folded.push({ where: `folder "${path}"`, what });
    foldedFolders.set(folder, auth);
  }

  const report: WrapReport = {
    source,
    format,
    requests: sites.length,
    wrapped: [],
    tokenExchange: [],
    suiteCases: [],
    leftAlone: [],
    hostsMapped,
    folded,
    signerRemoved,
    secretsEmptied,
    collectionAuth: authChange.change,
    formerCollectionAuth: 'former' in authChange ? authChange.former : undefined,
    formerAuthKeptBy: [],
    scripts: 'added',
    userCollectionScripts: 0,
    notes: [],
    unchanged: false,
  };
  const usedVariables = new Set<string>();
  for (const site of sites) {
    // The auth the request inherited before: the nearest folded folder's, else the collection's own credential.
    const folder = [...site.folders].reverse().find((f) => foldedFolders.has(f));
    const inherited = folder ? foldedFolders.get(folder) : authChange.change === 'moved' ? authChange.formerAuth : undefined;
    wrapRequest(collection, site, report, usedVariables, inherited as JsonObject | undefined, signerRemoved !== undefined);
  }

  const layer = applyLayer(collection);
  report.scripts = layer.scripts;
  report.userCollectionScripts = layer.userEvents;
  report.notes = notes(report, usedVariables);
  report.unchanged = format === 'v2.1.0' && JSON.stringify(collection) === before;
  return { collection, report };
}

function mapVariables(collection: JsonObject): HostMapped[] {
  const mapped: HostMapped[] = [];
  for (const scope of variableScopes(collection)) {
    if (!Array.isArray(scope.variable)) continue;
    for (const v of scope.variable) {
      const m = isObject(v) ? mapVariable(v) : undefined;
      if (m) mapped.push({ where: `variable ${String((v as JsonObject).key)}`, ...m });
    }
  }
  return mapped;
}

/** The request's own auth, or the nearest folder's: what stops it from inheriting the layer. */
function ownAuth(site: RequestSite, request: JsonObject): string | undefined {
  if (isObject(request.auth)) return authLabel(request.auth);
  for (let i = site.folders.length - 1; i >= 0; i -= 1) {
    if (isObject(site.folders[i].auth)) return `folder "${String(site.folders[i].name)}": ${authLabel(site.folders[i].auth)}`;
  }
  return undefined;
}

/** `formerAuth`: what the request inherited before the wrap, when the layer replaced it (folder or collection). */
function wrapRequest(collection: JsonObject, site: RequestSite, report: WrapReport, usedVariables: Set<string>, formerAuth: JsonObject | undefined, signerRemoved: boolean): void {
  const { item, path } = site;
  if (typeof item.request === 'string') {
    // v2 allows a request that is only its URL (a GET with nothing else).
    const mapped = mapUrlText(item.request);
    if (mapped) {
      item.request = mapped.text;
      report.hostsMapped.push({ where: path, host: mapped.host, variable: mapped.variable });
    }
    item.request = { url: item.request, method: 'GET' };
  }
  if (!isObject(item.request)) return;
  const request = item.request;
  const mapped = mapRequestUrl(request);
  if (mapped) report.hostsMapped.push({ where: path, ...mapped });
  const url = urlText(request);
  const origin = originOf(url, variableValues(collection, site.folders));
  const leave = (reason: LeftAlone['reason'], detail: string) => report.leftAlone.push({ request: path, reason, detail });

  if (hasTokenExchangeCase(request)) {
    report.tokenExchange.push(path);
    return;
  }
  if (hasCaseHeader(request)) {
    // A request of the generated suites (this tool's own): kept exactly as the generator wrote it.
    report.suiteCases.push(path);
    return;
  }
  if (origin.kind === 'identity') {
    if (signerRemoved && handOverTokenRequest(request, url)) report.tokenExchange.push(path);
    else leave('identity-origin', '{{identity_url}}');
  }
  if (origin.kind !== 'product') {
    // A request to another origin keeps the auth it inherited (a folder's or the collection's) as its own.
    if (formerAuth && ownAuth(site, request) === undefined) {
      request.auth = structuredClone(formerAuth);
      report.formerAuthKeptBy.push(path);
    }
    if (origin.kind === 'other') leave('other-origin', origin.origin);
    return;
  }

  const foldedAuth = foldPlaceholderAuth(request);
  if (foldedAuth) report.folded.push({ where: path, what: foldedAuth });
  for (const header of foldPlaceholderHeaders(request)) {
    report.folded.push({ where: path, what: `${header} header` });
    const name = /\{\{\s*([^{}]+?)\s*\}\}/.exec(header)?.[1];
    if (name) usedVariables.add(name);
  }
  const own = ownAuth(site, request);
  if (own) {
    leave('own-auth', own);
    return;
  }
  if (hasAuthorizationHeader(request)) {
    // The bearer authorizer would replace the header: `noauth` keeps the user's own one going out.
    request.auth = { type: 'noauth' };
    leave('own-auth', 'an Authorization header of its own; auth set to noauth so the layer leaves it');
    return;
  }
  report.wrapped.push(path);
}

function notes(report: WrapReport, usedVariables: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const theirs = [...usedVariables].filter((v) => v !== ENV_VARIABLES.apiKey).map((v) => `{{${v}}}`);
  if (theirs.length > 0) out.push(`the requests no longer read ${theirs.join(', ')}: fill private_key (and api_key for the by-Client API) in the environment instead`);
  return out;
}

export { readCollectionFile, writeWrappedFiles, wrappedCollectionPath } from './files';
export type { WrappedFiles } from './files';
