/**
 * The auth layer (cli-contract.md "The auth layer"): the collection-level bearer auth is `{{idcloud_access_token}}`,
 * and this fills it for the request being prepared. Only a request that inherits that auth and goes to one of the
 * environment's product API origins (`unico_api_url`, `client_api_url`, `sign_api_url`: scheme, host and port
 * compared after resolving `{{vars}}`) gets the cached token, signed and exchanged only when none is usable;
 * for any other request the variable stays '' and the runtime sends no Authorization. A request to
 * `client_api_url` without an APIKEY header gets one. A request with auth of its own is left alone.
 */
import { originKey } from '../../idcloud/origin';
import { FOLDERS } from '../../suites/folders';
import type { ApiProduct } from '../../suites/api';
import { noTokenLine } from '../../suites/run-signals';
import { ENV_VARIABLES, PRODUCT_URL_VARIABLE, RUN_VARIABLES } from '../../suites/variables';
import { fail, Host, PmRequestAuth, textVar } from './pm';
import { stopOnLockout } from './run-state';
import { readApiKey } from './secrets';
import { readSettings } from './settings';
import { freshAssertion, withSigning } from './signing';
import { cachedAccessToken, cacheKey, getAccessToken } from './token-cache';

const LAYER_TOKEN = `{{${RUN_VARIABLES.accessToken}}}`;

/**
 * True when the request uses the layer: it has no auth of its own (pm.request.auth is undefined in both
 * sandboxes when auth is inherited, from its folder or the collection), or its own bearer is the layer's token.
 */
export function inheritsLayerAuth(auth: PmRequestAuth | null | undefined): boolean {
  if (auth === undefined || auth === null) return true;
  const json = typeof auth.toJSON === 'function' ? auth.toJSON() : (auth as ReturnType<NonNullable<PmRequestAuth['toJSON']>>);
  if (!json || json.type !== 'bearer') return false;
  const token = (json.bearer || []).filter((p) => p.key === 'token')[0];
  return !!token && String(token.value).trim() === LAYER_TOKEN;
}

/**
 * True when the request sits in the generated `Token` or `Token errors` folder, whose auth is `noauth`: a request
 * added there inherits that, which the sandboxes show as no auth at all (as for the layer's), so only its place
 * (pm.execution.location: [collection, …folders, request]) tells. The runtime would send no token: none is obtained.
 */
export function inNoAuthFolder(host: Host): boolean {
  const location = host.pm.execution && host.pm.execution.location;
  return !!location && location.length >= 3 && (location[1] === FOLDERS.token || location[1] === FOLDERS.tokenErrors);
}

/** Resolved once per script run (a Host is one script run's): replaceIn is among the costliest calls of a request. */
const resolvedUrls = new WeakMap<Host, string>();

/** The request's URL with its `{{vars}}` resolved as the run will send it. */
export function resolvedRequestUrl(host: Host): string {
  let resolved = resolvedUrls.get(host);
  if (resolved === undefined) {
    const url = host.pm.request.url;
    resolved = url ? host.pm.variables.replaceIn(url.toString()) : '';
    resolvedUrls.set(host, resolved);
  }
  return resolved;
}

/** The product API whose origin `url` has, or undefined (any other origin: no token goes there). */
export function productApiOf(host: Host, url: string): ApiProduct | undefined {
  const origin = originKey(url);
  if (!origin) return undefined;
  // In PRODUCT_URL_VARIABLE's order: by Client first.
  for (const product of Object.keys(PRODUCT_URL_VARIABLE) as ApiProduct[]) {
    const base = textVar(host, PRODUCT_URL_VARIABLE[product]);
    if (base && originKey(host.pm.variables.replaceIn(base)) === origin) return product;
  }
  return undefined;
}

export type LayerResult = 'token' | 'own-auth' | 'other-origin' | 'failed';

export interface LayerOptions {
  /** Add APIKEY to a by-Client request without one (false for the suite's "without APIKEY" case). */
  apiKey: boolean;
  /** The failing test's name when no token can be had. */
  testName: string;
}

/** Fills `idcloud_access_token` (and APIKEY) for the current request when the layer applies to it. */
export function applyAuthLayer(host: Host, opts: LayerOptions, done: (result: LayerResult) => void = () => undefined): void {
  const pm = host.pm;
  if (!inheritsLayerAuth(pm.request.auth) || inNoAuthFolder(host)) return done('own-auth');
  const product = productApiOf(host, resolvedRequestUrl(host));
  if (!product) return done('other-origin');
  const withToken = (): void =>
    obtainAccessToken(host, opts.testName, (token) => {
      if (token === undefined) return done('failed');
      pm.variables.set(RUN_VARIABLES.accessToken, token);
      done('token');
    });
  const headers = pm.request.headers;
  if (product !== 'client' || !opts.apiKey || !headers.add || (headers.has ? headers.has('APIKEY') : headers.get('APIKEY') !== undefined)) return withToken();
  readApiKey(host, (apiKey, from) => {
    // From the environment as a reference (resolved when sent); from the Vault as its value.
    if (apiKey && headers.add) headers.add({ key: 'APIKEY', value: from === 'variable' ? `{{${ENV_VARIABLES.apiKey}}}` : apiKey });
    withToken();
  });
}

/** A request whose checks cannot run for want of a token: a skipped check, and the runner counts it (no-token signal). */
function noToken(host: Host, testName: string): void {
  host.pm.test.skip(`${testName}: skipped, no access token (the exchange was refused)`);
  host.signal({ kind: 'no-token', request: host.pm.info.requestName }, noTokenLine(host.pm.info.requestName));
}

/** The access token: cached (no key read, nothing signed), else a freshly signed assertion exchanged once. */
export function obtainAccessToken(host: Host, testName: string, done: (token: string | undefined) => void): void {
  const read = readSettings(host);
  if (read.ok) {
    const cached = cachedAccessToken(host, cacheKey(read.settings.aud, read.settings.iss));
    if (cached !== undefined) return done(cached);
  }
  withSigning(host, testName, (signing) => {
    if (!signing) return done(undefined);
    const s = signing.settings;
    getAccessToken(host, cacheKey(s.aud, s.iss), s.tokenUrl, () => freshAssertion(host, s, signing.key), (result) => {
      if (result.ok) return done(result.accessToken);
      if (result.locked) stopOnLockout(host);
      // The refusal was reported where it happened (and to the runner, once): this request's checks only could not run.
      else if (result.remembered) noToken(host, testName);
      else fail(host, testName, result.failure);
      done(undefined);
    });
  }, read);
}
