/**
 * Judging a token-endpoint answer: pure functions from (expectation, status, body text) to named checks whose
 * failure messages say what the server did instead. Bundled into the sandbox test script; no Node imports.
 */
import { findUnicoCode } from '../idcloud/error-code';
import { UNCODED_401_REMEDY } from '../idcloud/errors';
import { parseJson } from '../idcloud/json';
import { accessTokenProblem, EXPIRES_IN_RULE, expiresInProblem, parseTokenBody, tokenTypeProblem, unavailableAnswer } from '../idcloud/token-response';
import type { ExpectedRejection } from './cases';
import { ENVIRONMENT_UNAVAILABLE_TEST } from './variables';

/** What a negative case expects, as the pre-request script hands it to the test script. */
export interface RejectionExpectation extends ExpectedRejection {
  /** What the server was given, completing "the server accepted …". */
  subject: string;
}

/** What an API case expects: `accepted` = anything but 401/403, `rejected` = 401 or 403. */
export interface ApiExpectation {
  expect: 'accepted' | 'rejected';
  subject: string;
  /** Keep the answer's id in this run variable (suites/api.ts `savesIdIn`). */
  savesIdIn?: string;
  /** On loopback (the emulator runs the whole flow) the step must answer 2xx. */
  mustSucceed?: boolean;
}

/**
 * Handed from the pre-request script to the test script in a run variable, so the test script needs no tables.
 * A token-endpoint request's `origin`: identity_url's origin when on loopback, else '' (sandbox/script/emulator.ts
 * `loopbackIdentityOrigin`): where an answer with the emulator's signal comes from the emulator.
 */
export type Expectation =
  /** `cacheKey`: where the test script stores the token it receives (token-cache.ts); empty when settings are missing. */
  | { kind: 'token'; cacheKey: string; origin: string }
  | ({ kind: 'rejection'; origin: string } & RejectionExpectation) | ({ kind: 'api' } & ApiExpectation);

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

/**
 * A Unico code inside a message, to be explained (cause and remedy) where the message becomes a test result:
 * only the test script carries Unico's error table (suites/explain.ts), which keeps the pre-request script small.
 */
export function codeNote(code: string): string {
  return `\u00ab${code}\u00bb`;
}

export const CODE_NOTE_PATTERN = /\u00ab([0-9.]+)\u00bb/g;

/**
 * A failure to report as a test result. `unicoCode` is set when `text` names that code with codeNote: the
 * pre-request script then hands the failure to the test script, the only one that bundles Unico's error table,
 * which records it with the code's cause and remedy (sandbox/script/pm.ts `fail`).
 */
export interface FailureNote {
  text: string;
  unicoCode?: string;
}

export function plainNote(text: string): FailureNote {
  return { text };
}

export function codedNote(text: string, unicoCode: string): FailureNote {
  return { text, unicoCode };
}

function orList(items: readonly (string | number)[]): string {
  return items.length <= 1 ? String(items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export function describeExpectation(c: ExpectedRejection): string {
  const statuses = c.statuses === '4xx' ? 'a 4xx' : orList(c.statuses);
  if (!c.codes) return statuses;
  return `${statuses} with ${orList(c.codes)}${c.codeOptional ? ', or without a code' : ''}`;
}

/** Checks for one negative case: the status, Unico's error body shape, and the code when one is documented. */
export function judgeRejection(c: RejectionExpectation, status: number, bodyText: string): Check[] {
  const expected = describeExpectation(c);
  const statusCheck: Check = { name: `rejected with ${expected}` };
  const statuses = c.statuses;
  const malformedRequest = statuses === '4xx';
  const statusMatches = statuses === '4xx' ? status >= 400 && status < 500 && status !== 429 : statuses.includes(status);
  if (!statusMatches) {
    const what = status >= 200 && status < 300 ? `the server accepted ${c.subject}`
      : status >= 500 ? `the server failed on ${c.subject} (HTTP ${status})`
      : `the server did not reject ${c.subject} as documented`;
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
    const code = findUnicoCode(bodyText);
    const codeCheck: Check = { name: `error_description names ${orList(c.codes)}${c.codeOptional ? ' or no code' : ''}` };
    if (code === undefined && c.codeOptional) {
      // An uncoded 401 is one of the documented answers here.
    } else if (code === undefined) {
      codeCheck.failure = `expected ${expected}, got ${status} without a code: error_description names no Unico error code`;
    } else if (!c.codes.includes(code as never)) {
      codeCheck.failure = `expected ${expected}, got ${status} with ${code}: the code does not name the cause (${c.subject})`;
    }
    checks.push(codeCheck);
  }
  return checks;
}

/** One line about a failed exchange: status, Unico code (explained by the test script). Never echoes tokens. */
export function describeExchangeFailure(status: number, bodyText: string): FailureNote {
  const code = findUnicoCode(bodyText);
  if (code) return codedNote(`token endpoint answered ${status} with ${codeNote(code)}`, code);
  return plainNote(`token endpoint answered ${status} without a Unico error code` + (status === 401 ? ` (${UNCODED_401_REMEDY})` : ''));
}

/** Checks of a successful token response (the `Token` folder's request), on the shared rule (idcloud/token-response.ts). */
export function judgeTokenResponse(status: number, bodyText: string): Check[] {
  // An outage says nothing about the credentials: only the signal, which the runner reads as "unavailable".
  const unavailable = unavailableAnswer(status, bodyText);
  if (unavailable) return [{ name: ENVIRONMENT_UNAVAILABLE_TEST, failure: unavailable }];
  const statusCheck: Check = { name: 'status is 200' };
  if (status !== 200) {
    statusCheck.failure = `expected 200, got ${status}: ${describeExchangeFailure(status, bodyText).text}`;
    return [statusCheck];
  }
  const body = parseTokenBody(bodyText);
  const jsonCheck: Check = { name: 'body is JSON' };
  if (!body) {
    jsonCheck.failure = 'expected a JSON object body, got something else: the token response is not JSON';
    return [statusCheck, jsonCheck];
  }
  const field = (name: string, problem: string | undefined): Check => ({ name, failure: problem && `the token response ${problem}` });
  return [
    statusCheck,
    jsonCheck,
    field('token_type is Bearer', tokenTypeProblem(body.token_type)),
    field('access_token is a non-empty string', accessTokenProblem(body.access_token)),
    field(`expires_in is ${EXPIRES_IN_RULE}`, expiresInProblem(body.expires_in)),
  ];
}

/** Process ids the read may put in its URL path: what Unico and the emulator hand out (UUIDs), nothing to escape. */
export function isUsableProcessId(id: unknown): id is string {
  return typeof id === 'string' && /^[A-Za-z0-9._~-]{1,128}$/.test(id);
}

/** The id a create answered: by Client `{"id"}`, by Unico `{"process":{"id"}}`. */
export function createdId(body: unknown): string | undefined {
  const b = body as { id?: unknown; process?: { id?: unknown } } | null | undefined;
  if (!b || typeof b !== 'object') return undefined;
  const id = b.process && typeof b.process === 'object' ? b.process.id : b.id;
  return isUsableProcessId(id) ? id : undefined;
}

export function judgeApiResponse(c: ApiExpectation, status: number): Check {
  const rejected = REJECTION_STATUSES.includes(status);
  if (c.expect === 'accepted' && c.mustSucceed) {
    const check: Check = { name: 'answered 2xx (the emulator runs the whole flow)' };
    if (status < 200 || status >= 300) check.failure = `expected 2xx, got ${status}: ${rejected ? `the API rejected ${c.subject}` : 'the step of the flow failed'}`;
    return check;
  }
  if (c.expect === 'accepted') {
    const check: Check = { name: 'not rejected (not 401/403)' };
    if (rejected) check.failure = `expected anything but 401/403, got ${status}: the API rejected ${c.subject}`;
    return check;
  }
  const check: Check = { name: 'rejected with 401 or 403' };
  if (!rejected) check.failure = `expected 401 or 403, got ${status}: ${status >= 500 ? `the API failed (${status})` : `the API accepted ${c.subject}`}`;
  return check;
}
