/**
 * Every product endpoint of idcloud-auth.md §5 on the emulator's origin (the by-Unico, by-Client and sign
 * hosts all map to it), plus the control path. One trailing slash is ignored (Unico's own collection posts
 * to `/client/v1/process/`). Order of checks: route → method (405) → token (401) → APIKEY for by Client
 * (401) → capability (403) → the handler (413, 400, 404, 200).
 */
import { API_PATHS as P, ApiProduct } from '../../idcloud/hosts';
import { headerValue, oauthError } from '../http';
import type { IncomingRequest, Route } from '../route';
import { ApiErrorCode, clientError, unicoError } from './answers';
import { authenticate } from './auth';
import type { ProductHandler } from './call';
import { Capability } from './capabilities';
import { createClientProcess, getClientProcess, listDocuments } from './client-api';
import { advanceClock, CONTROL_PREFIX, finishControl, isLoopbackPeer, showControl } from './control';
import { getSignedDocument, getSignEvidence } from './sign-api';
import { createProcess, getEvidenceSet, getProcess, getSelfie } from './unico-api';

interface Endpoint {
  method: 'GET' | 'POST';
  /** The path (Unico's, src/idcloud/hosts.ts API_PATHS), `{id}` marking the one variable segment. */
  path: string;
  api: ApiProduct;
  capability: Capability;
  handle: ProductHandler;
}

export const PRODUCT_ENDPOINTS: readonly Endpoint[] = [
  { method: 'POST', path: P.unicoProcess, api: 'unico', capability: 'unico:processes:create', handle: createProcess },
  { method: 'GET', path: `${P.unicoProcess}/{id}`, api: 'unico', capability: 'unico:processes:read', handle: getProcess },
  { method: 'GET', path: `${P.unicoProcess}/{id}/selfie`, api: 'unico', capability: 'unico:selfie:read', handle: getSelfie },
  { method: 'GET', path: `${P.unicoProcess}/{id}/evidenceset`, api: 'unico', capability: 'unico:evidenceset:read', handle: getEvidenceSet },
  { method: 'POST', path: P.clientProcess, api: 'client', capability: 'client:processes:create', handle: createClientProcess },
  { method: 'GET', path: `${P.clientProcess}/{id}`, api: 'client', capability: 'client:processes:read', handle: getClientProcess },
  { method: 'GET', path: P.clientDocuments, api: 'client', capability: 'client:documents:read', handle: listDocuments },
  { method: 'GET', path: `${P.signFile}/{id}`, api: 'sign', capability: 'sign:files:read', handle: getSignedDocument },
  { method: 'GET', path: `${P.signEvidence}/{id}`, api: 'sign', capability: 'sign:files:read', handle: getSignEvidence },
];

const MATCHERS = PRODUCT_ENDPOINTS.map((endpoint) => ({
  endpoint,
  pattern: new RegExp(`^${endpoint.path.replace('{id}', '([^/]+)')}$`),
}));

export function findProductRoute(pathname: string): Route | undefined {
  const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  if (path.startsWith(`${CONTROL_PREFIX}/`)) return findControlRoute(path);
  for (const { endpoint, pattern } of MATCHERS) {
    const match = pattern.exec(path);
    if (match) return { method: endpoint.method, handle: (request, state) => serveEndpoint(endpoint, match[1] ?? '', request, state) };
  }
  return undefined;
}

async function serveEndpoint(endpoint: Endpoint, id: string, request: IncomingRequest, state: Parameters<Route['handle']>[1]) {
  const fail = endpoint.api === 'client' ? clientError : unicoError;
  const caller = await authenticate({ authorization: headerValue(request.headers, 'authorization'), apiKey: headerValue(request.headers, 'apikey') }, endpoint.api === 'client', state);
  if (typeof caller === 'string') return fail(caller as ApiErrorCode);
  if (!caller.capabilities.has(endpoint.capability)) {
    const whose = endpoint.api === 'client' ? 'the APIKEY' : 'the service account';
    return { ...fail('capability_missing', `${whose} does not enable ${endpoint.capability} (accounts file: capabilities)`), reason: endpoint.capability };
  }
  return endpoint.handle({ id: safeDecode(id), query: request.query, body: request.body, caller, state, fail });
}

function findControlRoute(path: string): Route | undefined {
  const guarded = (method: 'GET' | 'POST', handle: Route['handle']): Route => ({
    method,
    handle: (request, state) =>
      isLoopbackPeer(request.remoteAddress) ? handle(request, state) : oauthError(403, 'forbidden', 'the control path answers loopback clients only'),
  });
  if (path === `${CONTROL_PREFIX}/clock`) return guarded('POST', (r, state) => advanceClock(state, r.body));
  const finish = /^\/_emulator\/processes\/([^/]+)\/finish$/.exec(path);
  if (finish) return guarded('POST', (r, state) => finishControl(state, safeDecode(finish[1]), r.body));
  const show = /^\/_emulator\/processes\/([^/]+)$/.exec(path);
  if (show) return guarded('GET', (_r, state) => showControl(state, safeDecode(show[1])));
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
