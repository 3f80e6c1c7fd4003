/**
 * Judging a token-endpoint answer: pure functions from (expectation, status, body text) to named checks whose
 * failure messages say what the server did instead. Bundled into the sandbox test script; no Node imports.
 */
import { ERROR_CODE_PATTERN } from '../idcloud/claims';
import { UNCODED_401_REMEDY } from '../idcloud/errors';
import type { ExpectedRejection } from './cases';

/** What a negative case expects, as the pre-request script hands it to the test script. */
export interface RejectionExpectation extends ExpectedRejection {
  /** What the server was given, completing "the server accepted …". */
  subject: string;
}

/** What an API case expects: `accepted` = anything but 401/403, `rejected` = 401 or 403. */
export interface ApiExpectation {
  expect: 'accepted' | 'rejected';
  subject: string;
  /** Keep the answer's `id` in this run variable (suites/api.ts `savesIdIn`). */
  savesIdIn?: string;
}

/** Handed from the pre-request script to the test script in a run variable, so the test script needs no tables. */
export type Expectation =
  /** `cacheKey`: where the test script stores the token it receives (token-cache.ts); empty when settings are missing. */
  | { kind: 'token'; cacheKey: string }
  | ({ kind: 'rejection' } & RejectionExpectation) | ({ kind: 'api' } & ApiExpectation);

export const REJECTION_STATUSES: readonly number[] = [401, 403];

/** One pm.test: `failure` is undefined when it passes. */
export interface Check {
  name: string;
  failure?: string;
}

export interface ErrorBody {
  error?: unknown;
  error_description?: unknown;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The Unico code inside `error_description`, whatever its language. */
export function unicoCodeOf(body: unknown): string | undefined {
  const description = (body as ErrorBody | undefined)?.error_description;
  if (typeof description !== 'string') return undefined;
  const match = ERROR_CODE_PATTERN.exec(description);
  return match ? match[0] : undefined;
}

/**
 * A Unico code inside a message, to be explained (cause and remedy) where the message becomes a test result:
 * only the test script carries Unico's error table (suites/explain.ts), which keeps the pre-request script small.
 */
export function codeNote(code: string): string {
  return `\u00ab${code}\u00bb`;
}

export const CODE_NOTE_PATTERN = /\u00ab([0-9.]+)\u00bb/g;

function orList(items: readonly (string | number)[]): string {
  return items.length <= 1 ? String(items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export function describeExpectation(c: ExpectedRejection): string {
  const statuses = c.statuses === '4xx' ? 'a 4xx' : orList(c.statuses);
  return c.codes ? `${statuses} with ${orList(c.codes)}` : statuses;
}

/** Checks for one negative case: the status, Unico's error body shape, and the code when one is documented. */
export function judgeRejection(c: RejectionExpectation, status: number, bodyText: string): Check[] {
  const expected = describeExpectation(c);
  const statusCheck: Check = { name: `rejected with ${expected}` };
  const statuses = c.statuses;
  const malformedRequest = statuses === '4xx';
  const statusMatches = statuses === '4xx' ? status >= 400 && status < 500 && status !== 429 : statuses.includes(status);
  if (!statusMatches) {
    const what = status >= 200 && status < 300 ? `the server accepted ${c.subject}` : `the server did not reject ${c.subject} as documented`;
    statusCheck.failure = `expected ${expected}, got ${status}: ${what}`;
    return [statusCheck];
  }
  const body = parseJson(bodyText) as ErrorBody | undefined;
  if (malformedRequest) {
    const oauthShape: Check = { name: 'error body has an error string' };
    if (!body || typeof body.error !== 'string' || (body.error_description !== undefined && typeof body.error_description !== 'string')) {
      oauthShape.failure = `expected a JSON body {"error": string}, got ${body === undefined ? 'no JSON' : 'other fields'}: the error body is not an OAuth error`;
    }
    return [statusCheck, oauthShape];
  }
  const shapeCheck: Check = { name: 'error body has error and error_description strings' };
  if (!body || typeof body.error !== 'string' || typeof body.error_description !== 'string') {
    shapeCheck.failure = `expected a JSON body {"error": string, "error_description": string}, got ${body === undefined ? 'no JSON' : 'other fields'}: the error body does not follow Unico's shape`;
  }
  const checks = [statusCheck, shapeCheck];
  if (c.codes) {
    const code = unicoCodeOf(body);
    const codeCheck: Check = { name: `error_description names ${orList(c.codes)}` };
    if (code === undefined) {
      codeCheck.failure = `expected ${expected}, got ${status} without a code: error_description names no Unico error code`;
    } else if (!c.codes.includes(code as never)) {
      codeCheck.failure = `expected ${expected}, got ${status} with ${code}: the code does not name the cause (${c.subject})`;
    }
    checks.push(codeCheck);
  }
  return checks;
}

/** True when the body reports Unico's lockout code. */
export const LOCKED_CODE = '1.2.18';
export function isLockout(bodyText: string): boolean {
  return unicoCodeOf(parseJson(bodyText)) === LOCKED_CODE;
}

/** One line about a failed exchange: status, Unico code with cause and remedy. Never echoes tokens. */
export function describeExchangeFailure(status: number, bodyText: string): string {
  const code = unicoCodeOf(parseJson(bodyText));
  if (code) return `token endpoint answered ${status} with ${codeNote(code)}`;
  return `token endpoint answered ${status} without a Unico error code` + (status === 401 ? ` (${UNCODED_401_REMEDY})` : '');
}

/** Checks of a successful token response (the `Token` folder's request). */
export function judgeTokenResponse(status: number, bodyText: string): Check[] {
  const statusCheck: Check = { name: 'status is 200' };
  if (status !== 200) {
    statusCheck.failure = `expected 200, got ${status}: ${describeExchangeFailure(status, bodyText)}`;
    return [statusCheck];
  }
  const body = parseJson(bodyText) as Record<string, unknown> | undefined;
  const jsonCheck: Check = { name: 'body is JSON' };
  if (!body || typeof body !== 'object') {
    jsonCheck.failure = 'expected a JSON object body, got something else: the token response is not JSON';
    return [statusCheck, jsonCheck];
  }
  const tokenType: Check = { name: 'token_type is Bearer' };
  if (typeof body.token_type !== 'string' || body.token_type.toLowerCase() !== 'bearer') {
    tokenType.failure = `expected token_type "Bearer", got ${JSON.stringify(body.token_type ?? null)}`;
  }
  const accessToken: Check = { name: 'access_token is a non-empty string' };
  if (typeof body.access_token !== 'string' || body.access_token.length === 0) {
    accessToken.failure = 'expected a non-empty access_token string: the token response carries no access token';
  }
  const expiresIn: Check = { name: 'expires_in is an integer in (0, 3600]' };
  const e = body.expires_in;
  if (typeof e !== 'number' || !Number.isInteger(e) || e <= 0 || e > 3600) {
    expiresIn.failure = `expected an integer expires_in in (0, 3600], got ${JSON.stringify(e ?? null)}`;
  }
  return [statusCheck, jsonCheck, tokenType, accessToken, expiresIn];
}

/** Process ids the read may put in its URL path: what Unico and the emulator hand out (UUIDs), nothing to escape. */
export function isUsableProcessId(id: unknown): id is string {
  return typeof id === 'string' && /^[A-Za-z0-9._~-]{1,128}$/.test(id);
}

export function judgeApiResponse(c: ApiExpectation, status: number): Check {
  const rejected = REJECTION_STATUSES.includes(status);
  if (c.expect === 'accepted') {
    const check: Check = { name: 'not rejected (not 401/403)' };
    if (rejected) check.failure = `expected anything but 401/403, got ${status}: the API rejected ${c.subject}`;
    return check;
  }
  const check: Check = { name: 'rejected with 401 or 403' };
  if (!rejected) check.failure = `expected 401 or 403, got ${status}: the API accepted ${c.subject}`;
  return check;
}
