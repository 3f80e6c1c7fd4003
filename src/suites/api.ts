/**
 * The `API` folder: every product endpoint of idcloud-auth.md §5 must not reject a valid token and must reject
 * a request without one and one with a garbage token; the by-Client endpoints also one without APIKEY.
 * Valid-token requests inherit the collection's auth layer (collection/auth-layer.ts), as users' own requests do.
 * Pure data, bundled into the sandbox scripts; request names, which only the generator needs, are in api-docs.ts.
 *
 * SAFETY: a real CreateProcess is billable and may notify a real person. A request body that could create a
 * process is built only by `requestBody` below and only against the emulator (recognised by its signal on loopback,
 * sandbox/script/emulator.ts; the parameter is still named `loopback`); anywhere
 * else the creates send `{}` (Unico answers 400: the token was accepted) and the reads ask for ids that exist
 * nowhere (404), so the suite proves the token is accepted without side effects.
 */
import { API_PATHS } from '../idcloud/hosts';
import type { ApiProduct } from '../idcloud/hosts';
import { RUN_VARIABLES } from './variables';

export type { ApiProduct };
/** `valid`: inherits the auth layer; `none`: `noauth`; `garbage`: its own Bearer that is no token. */
export type ApiAuth = 'valid' | 'none' | 'garbage';
/** What a case sends and expects, completing the request name (api-docs.ts). */
export type ApiAction = 'valid' | 'no-token' | 'garbage-token' | 'no-apikey';

/** The endpoints, by Unico's names (idcloud-auth.md §5), plus the emulator's control call that finishes a process. */
export type ApiEndpoint =
  | 'CreateProcess' | 'FinishProcess' | 'GetProcess' | 'GetSelfie' | 'GetEvidenceSet'
  | 'GetDocumentSigned' | 'GetEvidenceSign'
  | 'CreateClientProcess' | 'GetClientProcess' | 'GetDocuments';

/** Which body a POST sends: a create (valid only on loopback, see `requestBody`), `{}`, or the finish control call's. */
export type ApiBody = 'create' | 'empty' | 'finish';

export interface ApiCase {
  id: string;
  endpoint: ApiEndpoint;
  action: ApiAction;
  product: ApiProduct;
  method: 'GET' | 'POST';
  /** Path (and query) under the product's base URL variable; may name run variables. */
  path: string;
  auth: ApiAuth;
  /** Carries `APIKEY: {{api_key}}` itself (by-Client requests with auth of their own, which the layer leaves alone). */
  apiKeyHeader: boolean;
  /** The auth layer adds APIKEY (by Client, valid token); false for the no-APIKEY case. */
  layerApiKey: boolean;
  body?: ApiBody;
  /** `accepted`: anything but 401/403 (on loopback: 2xx, see `succeedsOnLoopback`); `rejected`: 401 or 403. */
  expect: 'accepted' | 'rejected';
  /** On loopback the whole flow runs against the emulator, and this step must answer 2xx. */
  succeedsOnLoopback?: boolean;
  /** Sent only on loopback (the emulator's control path); skipped, saying why, anywhere else. */
  loopbackOnly?: boolean;
  /** What was sent, completing "the API accepted …" / "the API rejected …". */
  subject: string;
  /** A create: the run variable the id of a successful answer is kept in, for the reads that follow. */
  savesIdIn?: string;
  /** The run variable `path` reads its id from; the pre-request sets UNKNOWN_PROCESS_ID when it is empty. */
  readsIdFrom?: string;
}

/**
 * What a read asks for when no create ran before it in this run (always, off loopback): an id that exists
 * nowhere, harmless against real environments (404 is "not rejected").
 */
export const UNKNOWN_PROCESS_ID = '00000000-0000-4000-8000-000000000000';
export const GARBAGE_TOKEN = 'not-a-valid-token';

/** The emulator's control path (loopback only, off Unico's paths) that finishes a created process. */
export const EMULATOR_FINISH_PATH = (id: string): string => `/_emulator/processes/${id}/finish`;

/**
 * Test data for the loopback flow: a CPF with valid check digits (the emulator's "yes" scenario) and a 1×1 PNG.
 * Used only when `requestBody` is asked for a loopback environment.
 */
export const LOOPBACK_SUBJECT = { cpf: '10000000108', name: 'IDCloud Emulator Test Person' } as const;
const TINY_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/**
 * The text of a request's body, as the pre-request script sets it (RUN_VARIABLES.body). Only on loopback is a
 * create body one that creates a process; off loopback every body is `{}`, which creates nothing anywhere.
 */
export function requestBody(body: ApiBody, product: ApiProduct, loopback: boolean): string {
  if (!loopback) return '{}';
  if (body === 'finish') return JSON.stringify({ result: 'PROCESS_RESULT_OK' });
  if (body !== 'create') return '{}';
  if (product === 'client') {
    return JSON.stringify({ subject: { code: LOOPBACK_SUBJECT.cpf, name: LOOPBACK_SUBJECT.name }, imageBase64: TINY_PNG_BASE64 });
  }
  return JSON.stringify({
    callbackUri: 'http://127.0.0.1/callback',
    flow: 'idcheck',
    purpose: 'creditprocess',
    person: { duiType: 'DUI_TYPE_BR_CPF', duiValue: LOOPBACK_SUBJECT.cpf, friendlyName: LOOPBACK_SUBJECT.name },
  });
}

/** The `code` the documents query sends: the test CPF on loopback, empty elsewhere (Unico answers 400). */
export function documentsCode(loopback: boolean): string {
  return loopback ? LOOPBACK_SUBJECT.cpf : '';
}

interface EndpointDef {
  endpoint: ApiEndpoint;
  product: ApiProduct;
  method: 'GET' | 'POST';
  path: string;
  body?: 'create' | 'finish';
  savesIdIn?: string;
  readsIdFrom?: string;
  loopbackOnly?: boolean;
}

const ref = (name: string): string => `{{${name}}}`;
const UNICO_ID = RUN_VARIABLES.processIdUnico;
const CLIENT_ID = RUN_VARIABLES.processIdClient;
const SIGN_DOCUMENT_ID = RUN_VARIABLES.signDocumentId;

/** In run order: on loopback, create → finish → read → selfie → evidence set, then the sign host, then by Client. */
const ENDPOINTS: readonly EndpointDef[] = [
  { endpoint: 'CreateProcess', product: 'unico', method: 'POST', path: API_PATHS.unicoProcess, body: 'create', savesIdIn: UNICO_ID },
  { endpoint: 'FinishProcess', product: 'unico', method: 'POST', path: EMULATOR_FINISH_PATH(ref(UNICO_ID)), body: 'finish', readsIdFrom: UNICO_ID, loopbackOnly: true },
  { endpoint: 'GetProcess', product: 'unico', method: 'GET', path: `${API_PATHS.unicoProcess}/${ref(UNICO_ID)}`, readsIdFrom: UNICO_ID },
  { endpoint: 'GetSelfie', product: 'unico', method: 'GET', path: `${API_PATHS.unicoProcess}/${ref(UNICO_ID)}/selfie`, readsIdFrom: UNICO_ID },
  { endpoint: 'GetEvidenceSet', product: 'unico', method: 'GET', path: `${API_PATHS.unicoProcess}/${ref(UNICO_ID)}/evidenceset`, readsIdFrom: UNICO_ID },
  { endpoint: 'GetDocumentSigned', product: 'sign', method: 'GET', path: `${API_PATHS.signFile}/${ref(SIGN_DOCUMENT_ID)}`, readsIdFrom: SIGN_DOCUMENT_ID },
  { endpoint: 'GetEvidenceSign', product: 'sign', method: 'GET', path: `${API_PATHS.signEvidence}/${ref(UNICO_ID)}`, readsIdFrom: UNICO_ID },
  { endpoint: 'CreateClientProcess', product: 'client', method: 'POST', path: API_PATHS.clientProcess, body: 'create', savesIdIn: CLIENT_ID },
  { endpoint: 'GetClientProcess', product: 'client', method: 'GET', path: `${API_PATHS.clientProcess}/${ref(CLIENT_ID)}`, readsIdFrom: CLIENT_ID },
  { endpoint: 'GetDocuments', product: 'client', method: 'GET', path: `${API_PATHS.clientDocuments}?code=${ref(RUN_VARIABLES.subjectCode)}&type=BR_CNH` },
];

/** The step the loopback flow needs a 2xx from; the sign host has no document of a non-sign flow (404 then). */
const FLOW_STEPS: ReadonlySet<ApiEndpoint> = new Set<ApiEndpoint>(['CreateProcess', 'FinishProcess', 'GetProcess', 'GetSelfie', 'GetEvidenceSet', 'CreateClientProcess', 'GetClientProcess', 'GetDocuments']);

/** The actions an endpoint's requests take, in the folder's order: by Client's also one without APIKEY. */
function actionsOf(def: EndpointDef): ApiAction[] {
  if (def.loopbackOnly) return ['valid'];
  return def.product === 'client' ? ['valid', 'no-token', 'garbage-token', 'no-apikey'] : ['valid', 'no-token', 'garbage-token'];
}

function caseOf(def: EndpointDef, action: ApiAction): ApiCase {
  const client = def.product === 'client';
  const base = { endpoint: def.endpoint, product: def.product, method: def.method, path: def.path, readsIdFrom: def.readsIdFrom, id: `api-${def.endpoint}-${action}`, action };
  const post = def.method === 'POST';
  if (action === 'valid') {
    return {
      ...base,
      auth: 'valid',
      apiKeyHeader: false,
      layerApiKey: client,
      ...(post && { body: def.body ?? 'empty' }),
      expect: 'accepted',
      succeedsOnLoopback: FLOW_STEPS.has(def.endpoint),
      subject: 'a valid access token',
      savesIdIn: def.savesIdIn,
      loopbackOnly: def.loopbackOnly,
    };
  }
  // Rejections always send `{}`: a server that wrongly accepts them creates nothing.
  const [auth, subject, apiKeyHeader]: [ApiAuth, string, boolean] =
    action === 'no-token' ? ['none', 'a request without a token', client]
    : action === 'garbage-token' ? ['garbage', 'a garbage Bearer token', client]
    : ['valid', 'a request without APIKEY', false];
  return { ...base, auth, apiKeyHeader, layerApiKey: false, ...(post && { body: 'empty' as const }), expect: 'rejected', subject };
}

function casesOf(def: EndpointDef): ApiCase[] {
  return actionsOf(def).map((action) => caseOf(def, action));
}

/** Pure: the sandbox scripts, which look up one case per request (findApiCase), do not bundle the whole table. */
export const API_CASES: readonly ApiCase[] = /* @__PURE__ */ ENDPOINTS.flatMap(casesOf);

/**
 * The case of `id`, building only that one: the collection-level script runs for every request in a fresh sandbox
 * scope, where building all 31 cases cost more than the rest of the script's work.
 */
export function findApiCase(id: string): ApiCase | undefined {
  const def = ENDPOINTS.find((d) => id.startsWith(`api-${d.endpoint}-`));
  if (!def) return undefined;
  const action = actionsOf(def).find((a) => id === `api-${def.endpoint}-${a}`);
  return action && caseOf(def, action);
}
