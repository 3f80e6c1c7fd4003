/**
 * POST /oauth2/token: the request's shape (RFC 6749/7523: a form with grant_type and assertion), the
 * per-tenant rate limit, then the assertion's verdict turned into Unico's answer.
 * Malformed requests get OAuth-style 4xx JSON errors; authentication failures get Unico's 401 body.
 */
import { ERROR_DESCRIPTION } from '../idcloud/errors';
import { JWT_BEARER_GRANT_TYPE } from '../idcloud/hosts';
import { knownTenantOf } from './accounts';
import { peekIssuer } from './decode';
import { BodyResult, mediaType, oauthError, Reply } from './http';
import type { Rejection } from './rules';
import type { EmulatorState } from './state';
import { verifyAssertion } from './token-exchange';

const FORM = 'application/x-www-form-urlencoded';

type TokenFields = { ok: true; grantType?: string; assertion?: string } | { ok: false; reply: Reply };

export async function handleTokenRequest(contentType: string | undefined, body: BodyResult, state: EmulatorState): Promise<Reply> {
  const reply = await answerTokenRequest(contentType, body, state);
  if (reply.status !== 200) state.stats.tokenErrors += 1;
  return reply;
}

async function answerTokenRequest(contentType: string | undefined, body: BodyResult, state: EmulatorState): Promise<Reply> {
  if (state.outage) return state.outage;
  if (!body.ok) return oauthError(413, 'invalid_request', 'request body is larger than 64 KB');
  const fields = readTokenFields(contentType, body.body, state);

  const bucket = (fields.ok && fields.assertion && knownTenantOf(state.registry, peekIssuer(fields.assertion))) || '-';
  const rate = state.rateLimiter.take(bucket, state.now());
  if (!rate.allowed) {
    return oauthError(429, 'too_many_requests', 'rate limit exceeded: too many token requests per second for this tenant', {
      'Retry-After': String(rate.retryAfterSeconds),
    });
  }

  if (!fields.ok) return fields.reply;
  if (!state.flaws.has('accept-any-grant-type')) {
    if (!fields.grantType) return oauthError(400, 'invalid_request', `grant_type is missing; send grant_type=${JWT_BEARER_GRANT_TYPE}`);
    if (fields.grantType !== JWT_BEARER_GRANT_TYPE) {
      return oauthError(400, 'unsupported_grant_type', `grant_type must be ${JWT_BEARER_GRANT_TYPE}`);
    }
  }
  if (!fields.assertion) return oauthError(400, 'invalid_request', 'assertion is missing; send the signed JWT in the assertion field');
  return exchange(fields.assertion, state);
}

/** A form body (or, with the accept-json-body flaw, a JSON object) → its two fields; each field at most once. */
function readTokenFields(contentType: string | undefined, body: Buffer, state: EmulatorState): TokenFields {
  const type = mediaType(contentType);
  if (type === 'application/json' && state.flaws.has('accept-json-body')) return readJsonFields(body);
  if (type !== FORM) {
    return { ok: false, reply: oauthError(415, 'invalid_request', `Content-Type must be ${FORM}`) };
  }
  const form = new URLSearchParams(body.toString('utf8'));
  for (const name of ['grant_type', 'assertion']) {
    if (form.getAll(name).length > 1) {
      return { ok: false, reply: oauthError(400, 'invalid_request', `${name} is given more than once`) };
    }
  }
  return { ok: true, grantType: form.get('grant_type') ?? undefined, assertion: form.get('assertion') ?? undefined };
}

function readJsonFields(body: Buffer): TokenFields {
  try {
    const value = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    const text = (field: unknown) => (typeof field === 'string' ? field : undefined);
    if (typeof value === 'object' && value !== null) return { ok: true, grantType: text(value.grant_type), assertion: text(value.assertion) };
  } catch {
    // falls through to the same answer as any unreadable body
  }
  return { ok: false, reply: oauthError(400, 'invalid_request', 'the body is not a JSON object') };
}

async function exchange(assertion: string, state: EmulatorState): Promise<Reply> {
  const nowMs = state.now();
  const verdict = await verifyAssertion(assertion, { ...state, nowMs });
  if (!verdict.ok) {
    const { account, rejection } = verdict;
    if (account && rejection.code !== '1.2.18') {
      state.stats.invalidAttempts[account.iss] = (state.stats.invalidAttempts[account.iss] ?? 0) + 1;
      state.lockout.recordFailure(account.iss, nowMs);
    }
    if (rejection.code === '1.2.4' && state.flaws.has('server-error-on-expired')) {
      return { status: 500, body: { error: 'server_error', error_description: 'internal server error' }, reason: 'server-error-on-expired' };
    }
    return authenticationFailed(rejection, state);
  }
  const { account } = verdict;
  const nowSeconds = Math.floor(nowMs / 1000);
  state.lockout.recordSuccess(account.iss);
  state.stats.tokenExchanges += 1;
  const accessToken = await state.tokens.issue({ sub: account.iss, tenant: account.tenant }, nowSeconds);
  return { status: 200, body: { access_token: accessToken, token_type: 'Bearer', expires_in: state.lifetimeSeconds } };
}

/** Unico's 401 body; the code sits inside the text (idcloud-auth.md §4), unless the no-error-code flaw is on. */
function authenticationFailed(rejection: Rejection, state: EmulatorState): Reply {
  const shownCode = state.flaws.has('no-error-code') ? undefined : rejection.code;
  return {
    status: 401,
    body: { error: 'server_error', error_description: ERROR_DESCRIPTION[state.lang](shownCode) },
    code: rejection.code,
    reason: rejection.reason,
  };
}
