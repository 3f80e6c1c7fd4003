/**
 * The `API` folder: the "by Unico" and "by Client" product APIs must not reject a valid token and must reject
 * requests without one, with a garbage one and (by Client) without APIKEY. Pure data, bundled into the sandbox
 * scripts; request names, which only the generator needs, are in api-docs.ts.
 */
import { API_PATHS } from '../idcloud/hosts';
import { ENV_VARIABLES, RUN_VARIABLES } from './variables';

export type ApiProduct = 'unico' | 'client';
/** `valid`: the cached access token; `none`: no Authorization header; `garbage`: a Bearer that is no token. */
export type ApiAuth = 'valid' | 'none' | 'garbage';

/** What the request does; with the product, its id and (api-docs.ts) its name. */
export type ApiAction = 'create' | 'read' | 'no-token' | 'garbage-token' | 'no-apikey';

export interface ApiCase {
  id: string;
  action: ApiAction;
  product: ApiProduct;
  method: 'GET' | 'POST';
  /** Path under the product's base URL variable. */
  path: string;
  auth: ApiAuth;
  /** Send `APIKEY: {{api_key}}` (by Client only). */
  apiKey: boolean;
  /** `accepted`: anything but 401/403; `rejected`: 401 or 403. */
  expect: 'accepted' | 'rejected';
  /** What was sent, completing "the API accepted …" / "the API rejected …". */
  subject: string;
  /** create: the run variable the `id` of a successful answer is kept in, for the read that follows. */
  savesIdIn?: string;
  /** read: the run variable `path` reads its id from; the pre-request sets UNKNOWN_PROCESS_ID when it is empty. */
  readsIdFrom?: string;
}

/**
 * What a read asks for when no create ran before it in this run (the request run alone): a process id that
 * exists nowhere, harmless against real environments (404 is "not rejected").
 */
export const UNKNOWN_PROCESS_ID = '00000000-0000-4000-8000-000000000000';
export const GARBAGE_TOKEN = 'not-a-valid-token';

/** The environment variable holding each product's base URL. */
export const PRODUCT_URL_VARIABLE: Record<ApiProduct, string> = { unico: ENV_VARIABLES.unicoApiUrl, client: ENV_VARIABLES.clientApiUrl };

function apiCases(product: ApiProduct, base: string): ApiCase[] {
  const apiKey = product === 'client';
  const idVariable = product === 'client' ? RUN_VARIABLES.processIdClient : RUN_VARIABLES.processIdUnico;
  const one = (action: ApiAction, rest: Omit<ApiCase, 'id' | 'action' | 'product'>): ApiCase => ({ id: `api-${product}-${action}`, action, product, ...rest });
  const cases: ApiCase[] = [
    one('create', { method: 'POST', path: base, auth: 'valid', apiKey, expect: 'accepted', subject: 'a valid access token', savesIdIn: idVariable }),
    one('read', { method: 'GET', path: `${base}/{{${idVariable}}}`, auth: 'valid', apiKey, expect: 'accepted', subject: 'a valid access token', readsIdFrom: idVariable }),
    one('no-token', { method: 'POST', path: base, auth: 'none', apiKey, expect: 'rejected', subject: 'a request without a token' }),
    one('garbage-token', { method: 'POST', path: base, auth: 'garbage', apiKey, expect: 'rejected', subject: 'a garbage Bearer token' }),
  ];
  if (apiKey) {
    cases.push(one('no-apikey', { method: 'POST', path: base, auth: 'valid', apiKey: false, expect: 'rejected', subject: 'a request without APIKEY' }));
  }
  return cases;
}

export const API_CASES: readonly ApiCase[] = [...apiCases('unico', API_PATHS.unicoProcess), ...apiCases('client', API_PATHS.clientProcess)];

export function findApiCase(id: string): ApiCase | undefined {
  return API_CASES.find((c) => c.id === id);
}
