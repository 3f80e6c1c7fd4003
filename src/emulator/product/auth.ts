/**
 * Who calls a product API: the Bearer access token (every API) and, for by Client, the APIKEY registered
 * for the token's account. The answer is the caller, or the error code to answer with; the capability
 * check (403) comes after, per endpoint.
 */
import type { EmulatorState } from '../state';
import { ALL_CAPABILITIES, Capability } from './capabilities';
import type { ApiErrorCode } from './answers';

export interface Caller {
  tenant: string;
  /** The token's account; undefined only under the `accept-any-api-token` flaw without a valid token. */
  accountIss?: string;
  capabilities: ReadonlySet<Capability>;
}

export async function authenticate(
  headers: { authorization?: string; apiKey?: string },
  needsApiKey: boolean,
  state: EmulatorState,
): Promise<Caller | ApiErrorCode> {
  const token = bearerToken(headers.authorization);
  const check = token === undefined || token === '' ? undefined : await state.tokens.verify(token, Math.floor(state.now() / 1000));
  if (!state.flaws.has('accept-any-api-token')) {
    if (token === undefined) return 'token_missing';
    if (!check?.ok) return check && check.expired ? 'token_expired' : 'token_invalid';
  }
  const claims = check?.ok ? check.claims : undefined;
  if (needsApiKey) {
    const keyError = checkApiKey(headers.apiKey, claims?.sub, state);
    if (keyError) return keyError;
  }
  const account = claims ? state.registry.byIss.get(claims.sub) : undefined;
  return { tenant: claims?.tenant ?? '', accountIss: claims?.sub, capabilities: account?.capabilities ?? ALL_CAPABILITIES };
}

/** `Bearer <token>`: undefined when there is no Authorization header, '' when it is not a Bearer credential. */
function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  return /^Bearer +([^\s]+) *$/i.exec(header)?.[1] ?? '';
}

/** The APIKEY must be the one registered for the token's account (any account's, when the token is not checked). */
function checkApiKey(apiKey: string | undefined, accountIss: string | undefined, state: EmulatorState): ApiErrorCode | undefined {
  if (apiKey === undefined || apiKey === '') return state.flaws.has('accept-missing-apikey') ? undefined : 'apikey_missing';
  const accounts = accountIss === undefined ? [...state.registry.byIss.values()] : [state.registry.byIss.get(accountIss)];
  return accounts.some((account) => account?.apiKey !== undefined && account.apiKey === apiKey) ? undefined : 'apikey_invalid';
}
