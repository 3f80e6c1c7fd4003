/**
 * Reading a 200 answer of the token endpoint (idcloud-auth.md §3): `{"access_token","token_type":"Bearer",
 * "expires_in"}`. `expires_in` is read, never assumed: Unico says it "may vary by company configuration", so any
 * positive whole number of seconds is a lifetime. One rule for the sandbox cache, the Token folder's checks and
 * the Node exchange.
 */
import { parseJson } from './json';

export interface TokenBody {
  access_token?: unknown;
  token_type?: unknown;
  expires_in?: unknown;
}

/** The body as a JSON object, or undefined. */
export function parseTokenBody(bodyText: string): TokenBody | undefined {
  const parsed = parseJson(bodyText);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as TokenBody) : undefined;
}

/** What is wrong with `access_token`, or undefined. */
export function accessTokenProblem(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? undefined : 'carries no access_token string';
}

/** The `expires_in` rule in words: what the Token folder's check, its description and every message say. */
export const EXPIRES_IN_RULE = 'a positive whole number of seconds';

/** What is wrong with `expires_in` (saying what came back), or undefined. */
export function expiresInProblem(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return undefined;
  return `has expires_in ${value === undefined ? 'missing' : JSON.stringify(value)} instead of ${EXPIRES_IN_RULE}`;
}

/** What is wrong with `token_type` ("Bearer", any case), or undefined. */
export function tokenTypeProblem(value: unknown): string | undefined {
  return typeof value === 'string' && value.toLowerCase() === 'bearer' ? undefined : `has token_type ${JSON.stringify(value === undefined ? null : value)} instead of "Bearer"`;
}

/** Lifetimes above this pass, with one warning: a token that outlives a day is worth a look (idcloud-auth.md §3). */
export const LONG_TOKEN_LIFETIME_SECONDS = 24 * 3600;

/** The warning for a long but valid `expires_in`, or undefined. Never contains the token. */
export function expiresInWarning(expiresIn: number): string | undefined {
  if (expiresIn <= LONG_TOKEN_LIFETIME_SECONDS) return undefined;
  return `IDCloud: the token endpoint answered expires_in ${expiresIn} (${Math.round(expiresIn / 3600)} h, over 24 h): accepted, but check the company's token lifetime with Unico`;
}

/**
 * The answer to a *valid* exchange that means the environment is unavailable rather than the credentials
 * refused (cli-contract.md, exit 3): a 5xx, or any answer but 429 whose body is not JSON (an HTML error page,
 * a proxy's text). Returns the one-line reason, with the status, or undefined. 429 is the rate limit, retried.
 */
export function unavailableAnswer(status: number, bodyText: string): string | undefined {
  if (status === 429) return undefined;
  const json = parseJson(bodyText) !== undefined;
  if (status < 500 && json) return undefined;
  return `token endpoint answered HTTP ${status}${json ? '' : ', not JSON'}: the environment is unavailable`;
}

export type TokenReading =
  /** `tokenType` as sent, "Bearer" when absent; `warning` when expires_in is valid but unusually long. */
  | { ok: true; accessToken: string; expiresIn: number; tokenType: string; warning?: string }
  /** `problem` completes "the token response …"; never contains the token. */
  | { ok: false; problem: string };

/** A usable token and its lifetime from a 200 body (token_type is checked by the Token folder only). */
export function readTokenBody(bodyText: string): TokenReading {
  const body = parseTokenBody(bodyText);
  if (!body) return { ok: false, problem: 'is not a JSON object' };
  const problem = accessTokenProblem(body.access_token) || expiresInProblem(body.expires_in);
  if (problem) return { ok: false, problem };
  const tokenType = typeof body.token_type === 'string' ? body.token_type : 'Bearer';
  const expiresIn = body.expires_in as number;
  return { ok: true, accessToken: body.access_token as string, expiresIn, tokenType, warning: expiresInWarning(expiresIn) };
}
