/**
 * The Node-side token exchange (RFC 7523 JWT bearer): sign a fresh assertion, POST it, read the token.
 * Used by `token`, `doctor --online` and the runner. 429 is retried with bounded backoff, signing a new
 * assertion each time (a new (iat, exp) pair: see fresh-times.ts) because Unico refuses a replayed one (1.2.7).
 */
import { performance } from 'node:perf_hooks';
import type { Credentials } from '../credentials';
import type { Environment } from '../environments';
import { JWT_BEARER_GRANT_TYPE, TOKEN_PATH } from '../idcloud/hosts';
import { TOKEN_ERROR_CODES, TokenEndpointUnreachableError, TokenExchangeError } from './errors';
import { explainRefusal } from './explain';
import { describeNetworkReason, HttpAnswer, HttpFailure, postForm } from './http';
import { signAssertion } from './sign';

export interface ExchangeOptions {
  /** How many times a 429 answer is retried (default 3). */
  maxRetries?: number;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
  /** Longest wait between retries, whatever Retry-After says (default 10 s). */
  maxBackoffMs?: number;
}

export interface TokenResult {
  /** A secret: never log or write it. */
  accessToken: string;
  expiresIn: number;
  tokenType: string;
  /** Wall time from the first signature to the token: signing, HTTP and any 429 retries. */
  elapsedMs: number;
}

export function tokenUrlOf(env: Environment): string {
  return `${env.identityUrl}${TOKEN_PATH}`;
}

export async function exchangeToken(creds: Credentials, env: Environment, opts: ExchangeOptions = {}): Promise<TokenResult> {
  const maxRetries = opts.maxRetries ?? 3;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxBackoffMs = opts.maxBackoffMs ?? 10_000;
  const tokenUrl = tokenUrlOf(env);
  let started: number | undefined;
  for (let attempt = 0; ; attempt++) {
    started ??= performance.now();
    const assertion = await signAssertion(creds, env.identityUrl);
    const answer = await post(tokenUrl, assertion, timeoutMs, env.name);
    if (answer.status === 429 && attempt < maxRetries) {
      await sleep(backoffMs(answer, attempt, maxBackoffMs));
      continue;
    }
    if (answer.status !== 200) throw explainRefusal(answer.status, answer.body, { environment: env.name, tokenUrl, iss: creds.iss });
    return { ...readToken(answer.body, env.name, tokenUrl), elapsedMs: performance.now() - started };
  }
}

async function post(tokenUrl: string, assertion: string, timeoutMs: number, environment: string): Promise<HttpAnswer> {
  try {
    return await postForm(tokenUrl, { grant_type: JWT_BEARER_GRANT_TYPE, assertion }, timeoutMs);
  } catch (error) {
    const reason = error instanceof HttpFailure ? error.reason : 'ERR_UNKNOWN';
    throw new TokenEndpointUnreachableError(
      `${environment}: cannot reach ${tokenUrl} (${describeNetworkReason(reason)}); check the URL, the network and that the server is running`,
      environment,
      reason,
    );
  }
}

/** Reads a 200 body; `expires_in` is read, never assumed (Unico: it "may vary by company configuration"). */
export function readToken(body: string, environment: string, tokenUrl: string): Omit<TokenResult, 'elapsedMs'> {
  const bad = (what: string) =>
    new TokenExchangeError(TOKEN_ERROR_CODES.BAD_RESPONSE, `${environment}: ${tokenUrl} answered 200 but ${what}; check that the URL is an IDCloud identity service`, { environment, status: 200 });
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    throw bad('the body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) throw bad('the body is not a JSON object');
  const accessToken = parsed.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') throw bad('without access_token');
  const expiresIn = Number(parsed.expires_in);
  if (!Number.isFinite(expiresIn) || expiresIn <= 0) throw bad('without a positive expires_in');
  const tokenType = typeof parsed.token_type === 'string' ? parsed.token_type : 'Bearer';
  return { accessToken, expiresIn, tokenType };
}

/** Retry-After (seconds) when the server gives it, else exponential from 250 ms; capped. */
export function backoffMs(answer: HttpAnswer, attempt: number, maxBackoffMs: number): number {
  const retryAfter = Number(answer.headers['retry-after']);
  const wanted = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : 250 * 2 ** attempt;
  return Math.min(wanted, maxBackoffMs);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
