/**
 * Which handler answers which method and path. Known paths with another method get 405 (with Allow),
 * anything else 404; both as JSON. Discovery documents are built here from the emulator's url.
 */
import { API_PATHS, JWT_BEARER_GRANT_TYPE, TOKEN_PATH } from '../idcloud/hosts';
import { headerValue, MAX_BODY_BYTES, MAX_PRODUCT_BODY_BYTES, oauthError, Reply } from './http';
import { findProductRoute } from './product/routes';
import type { EmulatorState } from './state';
import type { IncomingRequest, Route } from './route';
import { handleTokenRequest } from './token-endpoint';

export const DISCOVERY_PATH = '/.well-known/openid-configuration';
export const JWKS_PATH = '/.well-known/jwks.json';

/** Unico's product paths, each once (src/idcloud/hosts.ts). */
const NOT_FOUND_PATHS = Object.values(API_PATHS).join(', ');

export async function dispatch(request: IncomingRequest, state: EmulatorState): Promise<Reply> {
  const route = findRoute(request.pathname);
  if (!route) return oauthError(404, 'not_found', `no such path; the emulator serves ${TOKEN_PATH}, ${DISCOVERY_PATH}, ${JWKS_PATH}, ${NOT_FOUND_PATHS} and /_emulator/`);
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
  return findProductRoute(pathname);
}

/** How many body bytes a path may receive before 413: the token endpoint's form is small, product bodies carry files. */
export function bodyLimitFor(pathname: string): number {
  return pathname === TOKEN_PATH ? MAX_BODY_BYTES : MAX_PRODUCT_BODY_BYTES;
}

function header(request: IncomingRequest, name: string): string | undefined {
  return headerValue(request.headers, name);
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
