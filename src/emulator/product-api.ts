/**
 * The protected product APIs (idcloud-auth.md §5), served on the emulator's own origin:
 *   "by Unico"  POST /client/v1/process, GET /client/v1/process/{id} — Bearer access token;
 *   "by Client" POST /processes/v1,      GET /processes/v1/{id}      — Bearer access token and APIKEY.
 * Unico documents 401 with `{"error":{"code","description"}}` but not the codes: the emulator's own codes
 * are API_ERRORS below, stable so that suites may match them.
 */
import { API_PATHS } from '../idcloud/hosts';
import type { BodyResult, Reply } from './http';
import { mediaType } from './http';
import type { EmulatorState } from './state';

export type ProductApi = keyof typeof API_PATHS;

export const API_ERRORS = {
  token_missing: { status: 401, description: 'send Authorization: Bearer <access token from /oauth2/token>' },
  token_invalid: { status: 401, description: 'the access token is not valid here; get one from this server\'s /oauth2/token' },
  token_expired: { status: 401, description: 'the access token has expired; get a new one from /oauth2/token' },
  apikey_missing: { status: 401, description: 'send the account\'s APIKEY header' },
  apikey_invalid: { status: 401, description: 'the APIKEY does not belong to this service account' },
  invalid_request: { status: 400, description: 'the body must be empty or a JSON document' },
  body_too_large: { status: 413, description: 'the body is larger than 64 KB' },
  process_not_found: { status: 404, description: 'no process with this id' },
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

export function apiError(code: ApiErrorCode): Reply {
  const { status, description } = API_ERRORS[code];
  const headers: Record<string, string> | undefined =
    status === 401 && code.startsWith('token_') ? { 'WWW-Authenticate': `Bearer error="invalid_token"` } : undefined;
  return { status, body: { error: { code, description } }, headers, code };
}

export interface ProductRequest {
  api: ProductApi;
  /** undefined for the collection path (POST), the id for the item path (GET). */
  id?: string;
  authorization?: string;
  apiKey?: string;
  contentType?: string;
  body: BodyResult;
}

export async function handleProductRequest(request: ProductRequest, state: EmulatorState): Promise<Reply> {
  const caller = await authenticate(request, state);
  if ('status' in caller) return caller;
  if (request.id !== undefined) {
    const record = state.processes.find(request.api, caller.tenant, request.id);
    return record ? { status: 200, body: record } : apiError('process_not_found');
  }
  if (!request.body.ok) return apiError('body_too_large');
  if (!isAcceptableBody(request.contentType, request.body.body)) return apiError('invalid_request');
  const record = state.processes.create(request.api, caller.tenant, state.now());
  return { status: 200, body: { id: record.id, status: record.status } };
}

/** The caller's tenant, or the 401 to answer. */
async function authenticate(request: ProductRequest, state: EmulatorState): Promise<{ tenant: string } | Reply> {
  const token = bearerToken(request.authorization);
  const check = token === undefined || token === '' ? undefined : await state.tokens.verify(token, Math.floor(state.now() / 1000));
  const anyToken = state.flaws.has('accept-any-api-token');
  if (!anyToken) {
    if (token === undefined) return apiError('token_missing');
    if (!check?.ok) return apiError(check && check.expired ? 'token_expired' : 'token_invalid');
  }
  const claims = check?.ok ? check.claims : undefined;
  if (request.api === 'clientProcess') {
    const keyError = checkApiKey(request.apiKey, claims?.sub, state);
    if (keyError) return keyError;
  }
  return { tenant: claims?.tenant ?? '' };
}

/** `Bearer <token>`: undefined when there is no Authorization header, '' when it is not a Bearer credential. */
function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  return /^Bearer +([^\s]+) *$/i.exec(header)?.[1] ?? '';
}

/** The APIKEY must be the one registered for the token's account (any account's, when the token is not checked). */
function checkApiKey(apiKey: string | undefined, accountIss: string | undefined, state: EmulatorState): Reply | undefined {
  if (apiKey === undefined || apiKey === '') return state.flaws.has('accept-missing-apikey') ? undefined : apiError('apikey_missing');
  const accounts = accountIss === undefined ? [...state.registry.byIss.values()] : [state.registry.byIss.get(accountIss)];
  return accounts.some((account) => account?.apiKey !== undefined && account.apiKey === apiKey) ? undefined : apiError('apikey_invalid');
}

function isAcceptableBody(contentType: string | undefined, body: Buffer): boolean {
  if (body.length === 0) return true;
  const type = mediaType(contentType);
  if (type !== 'application/json' && !type.endsWith('+json')) return true;
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}
