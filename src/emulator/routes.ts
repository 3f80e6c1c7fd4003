/**
 * Which handler answers which method and path. Known paths with another method get 405 (with Allow),
 * anything else 404; both as JSON. Discovery documents are built here from the emulator's url.
 */
import { API_PATHS, JWT_BEARER_GRANT_TYPE, TOKEN_PATH } from '../idcloud/hosts';
import { BodyResult, oauthError, Reply } from './http';
import { handleProductRequest, ProductApi } from './product-api';
import type { EmulatorState } from './state';
import { handleTokenRequest } from './token-endpoint';

export const DISCOVERY_PATH = '/.well-known/openid-configuration';
export const JWKS_PATH = '/.well-known/jwks.json';

export interface IncomingRequest {
  method: string;
  pathname: string;
  headers: Record<string, string | string[] | undefined>;
  body: BodyResult;
}

type Handler = (request: IncomingRequest, state: EmulatorState) => Promise<Reply> | Reply;
interface Route {
  method: 'GET' | 'POST';
  handle: Handler;
}

export async function dispatch(request: IncomingRequest, state: EmulatorState): Promise<Reply> {
  const route = findRoute(request.pathname);
  if (!route) return oauthError(404, 'not_found', `no such path; the emulator serves ${TOKEN_PATH}, ${DISCOVERY_PATH}, ${JWKS_PATH}, ${API_PATHS.unicoProcess} and ${API_PATHS.clientProcess}`);
  if (request.method !== route.method) {
    return oauthError(405, 'method_not_allowed', `use ${route.method} on this path`, { Allow: route.method });
  }
  return route.handle(request, state);
}

function findRoute(pathname: string): Route | undefined {
  if (pathname === TOKEN_PATH) {
    return { method: 'POST', handle: (r, state) => handleTokenRequest(header(r, 'content-type'), r.body, state) };
  }
  if (pathname === DISCOVERY_PATH) return { method: 'GET', handle: (_r, state) => ({ status: 200, body: discovery(state.url) }) };
  if (pathname === JWKS_PATH) return { method: 'GET', handle: (_r, state) => ({ status: 200, body: state.tokens.jwks }) };
  for (const api of Object.keys(API_PATHS) as ProductApi[]) {
    const base = API_PATHS[api];
    if (pathname === base) return { method: 'POST', handle: productHandler(api, undefined) };
    const id = pathname.startsWith(`${base}/`) ? pathname.slice(base.length + 1) : undefined;
    if (id && !id.includes('/')) return { method: 'GET', handle: productHandler(api, id) };
  }
  return undefined;
}

function productHandler(api: ProductApi, id: string | undefined): Handler {
  return (r, state) =>
    handleProductRequest(
      { api, id, authorization: header(r, 'authorization'), apiKey: header(r, 'apikey'), contentType: header(r, 'content-type'), body: r.body },
      state,
    );
}

function header(request: IncomingRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function discovery(url: string): Record<string, unknown> {
  return {
    issuer: url,
    token_endpoint: `${url}${TOKEN_PATH}`,
    jwks_uri: `${url}${JWKS_PATH}`,
    grant_types_supported: [JWT_BEARER_GRANT_TYPE],
    token_endpoint_auth_methods_supported: ['none'],
    token_endpoint_auth_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['*'],
  };
}
