/**
 * The `API` folder: the "by Unico" and "by Client" product APIs must not reject a valid token and must reject
 * requests without one, with a garbage one and (by Client) without APIKEY. Pure data and pure checks, bundled
 * into the sandbox scripts.
 */
import { API_PATHS } from '../idcloud/hosts';

export type ApiProduct = 'unico' | 'client';
/** `valid`: the cached access token; `none`: no Authorization header; `garbage`: a Bearer that is no token. */
export type ApiAuth = 'valid' | 'none' | 'garbage';

export interface ApiCase {
  id: string;
  name: string;
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
}

/** A process id that exists nowhere: reads are harmless against real environments (404 is "not rejected"). */
export const UNKNOWN_PROCESS_ID = '00000000-0000-4000-8000-000000000000';
export const GARBAGE_TOKEN = 'not-a-valid-token';

export const PRODUCT_NAMES: Record<ApiProduct, string> = { unico: 'By Unico', client: 'By Client' };
export const PRODUCT_URL_VARIABLE: Record<ApiProduct, string> = { unico: 'unico_api_url', client: 'client_api_url' };

function apiCases(product: ApiProduct, base: string): ApiCase[] {
  const apiKey = product === 'client';
  const label = PRODUCT_NAMES[product];
  const cases: ApiCase[] = [
    { id: `api-${product}-create`, name: `${label}: create with a valid token`, product, method: 'POST', path: base, auth: 'valid', apiKey, expect: 'accepted', subject: 'a valid access token' },
    { id: `api-${product}-read`, name: `${label}: read with a valid token`, product, method: 'GET', path: `${base}/${UNKNOWN_PROCESS_ID}`, auth: 'valid', apiKey, expect: 'accepted', subject: 'a valid access token' },
    { id: `api-${product}-no-token`, name: `${label}: no token is rejected`, product, method: 'POST', path: base, auth: 'none', apiKey, expect: 'rejected', subject: 'a request without a token' },
    { id: `api-${product}-garbage-token`, name: `${label}: garbage token is rejected`, product, method: 'POST', path: base, auth: 'garbage', apiKey, expect: 'rejected', subject: 'a garbage Bearer token' },
  ];
  if (apiKey) {
    cases.push({ id: `api-${product}-no-apikey`, name: `${label}: no APIKEY is rejected`, product, method: 'POST', path: base, auth: 'valid', apiKey: false, expect: 'rejected', subject: 'a request without APIKEY' });
  }
  return cases;
}

export const API_CASES: readonly ApiCase[] = [...apiCases('unico', API_PATHS.unicoProcess), ...apiCases('client', API_PATHS.clientProcess)];

export function findApiCase(id: string): ApiCase | undefined {
  return API_CASES.find((c) => c.id === id);
}
