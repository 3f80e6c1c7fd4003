/**
 * The Node-side token exchange (RFC 7523 JWT bearer): sign a fresh assertion, POST it, read the token.
 * Used by `token`, `doctor --online` and the runner. 429 is retried with bounded backoff, signing a new
 * assertion each time (a new (iat, exp) pair: see fresh-times.ts) because Unico refuses a replayed one (1.2.7).
 */
import { performance } from 'node:perf_hooks';
import type { Credentials } from '../credentials';
import { audienceOf, Environment } from '../environments';
import { JWT_BEARER_GRANT_TYPE, TOKEN_PATH } from '../idcloud/hosts';
import { MAX_RATE_LIMIT_RETRIES, MAX_RETRY_DELAY_MS, rateLimitWaitMs } from '../idcloud/rate-limit';
import { describeClockOffset } from '../idcloud/clock';
import { retriesOnServerClock } from '../idcloud/clock-retry';
import { readTokenBody, unavailableAnswer } from '../idcloud/token-response';
import { TokenBadResponseError, TokenEndpointUnreachableError } from './errors';
import { explainRefusal } from './explain';
import { HttpAnswer, HttpFailure, postForm } from './http';
import { DIRECT, NetworkSettings } from '../network';
import { freshAssertionTimes } from './fresh-times';
import { learnClockOffset, learnedClockOffset, serverNow } from './server-clock';
import { signAssertion } from './sign';

export interface ExchangeOptions {
  /** How many times a 429 answer is retried (default MAX_RATE_LIMIT_RETRIES, as the collection does). */
  maxRetries?: number;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
  /** Longest wait between retries, whatever Retry-After says (default 10 s). */
  maxBackoffMs?: number;
  /**
   * One line for the console (the `token` command: stderr): the local clock's offset from the server's, once
   * per token URL and process, and a warning for an expires_in over 24 h. Never a secret.
   */
  onNotice?: (line: string) => void;
  /** Proxy and trusted CAs (src/network); default: direct, Node's trust store. */
  network?: NetworkSettings;
}

export interface TokenResult {
  /** A secret: never log or write it. */
  accessToken: string;
  expiresIn: number;
  tokenType: string;
  /** Wall time from the first signature to the token: signing, HTTP and any 429 retries. */
  elapsedMs: number;
  /** Server clock minus local clock (s) as the token endpoint's Date header told; 0 within a few seconds. */
  clockOffsetSeconds: number;
}

export function tokenUrlOf(env: Environment): string {
  return `${env.identityUrl}${TOKEN_PATH}`;
}

export async function exchangeToken(creds: Credentials, env: Environment, opts: ExchangeOptions = {}): Promise<TokenResult> {
  const maxRetries = opts.maxRetries ?? MAX_RATE_LIMIT_RETRIES;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxBackoffMs = opts.maxBackoffMs ?? MAX_RETRY_DELAY_MS;
  const tokenUrl = tokenUrlOf(env);
  const audience = audienceOf(env);
  const notice = opts.onNotice ?? (() => undefined);
  let started: number | undefined;
  let clockRetried = false;
  for (let attempt = 0; ; attempt++) {
    started ??= performance.now();
    const times = freshAssertionTimes(creds.iss, audience, () => serverNow(tokenUrl));
    const assertion = await signAssertion(creds, audience, times);
    const answer = await post(tokenUrl, assertion, timeoutMs, env.name, opts.network ?? DIRECT);
    const clockMoved = learnClockOffset(tokenUrl, answer.headers.date);
    const offset = learnedClockOffset(tokenUrl) ?? 0;
    if (clockMoved && offset !== 0) notice(describeClockOffset(offset, `${env.name}'s token endpoint`));
    const wait = rateLimitWaitMs(answer.status, answer.headers['retry-after'], attempt, maxRetries, maxBackoffMs);
    if (wait !== undefined) {
      await sleep(wait);
      continue;
    }
    const unavailable = unavailableAnswer(answer.status, answer.body);
    if (retriesOnServerClock(answer.status, answer.body, clockMoved, clockRetried)) {
      // Refused while dated by a clock the server disagrees with: once more, dated by the server's clock.
      clockRetried = true;
      attempt--;
      continue;
    }
    if (unavailable && answer.status < 500) {
      throw new TokenBadResponseError(`${env.name}: ${tokenUrl} ${unavailable.replace('token endpoint ', '')}; check the identity URL, or retry later`, { environment: env.name, status: answer.status, unavailable: true });
    }
    if (answer.status !== 200) throw explainRefusal(answer.status, answer.body, { environment: env.name, tokenUrl, iss: creds.iss });
    const token = readToken(answer.body, env.name, tokenUrl);
    if (token.warning) notice(token.warning);
    return { accessToken: token.accessToken, expiresIn: token.expiresIn, tokenType: token.tokenType, clockOffsetSeconds: offset, elapsedMs: performance.now() - started };
  }
}

async function post(tokenUrl: string, assertion: string, timeoutMs: number, environment: string, network: NetworkSettings): Promise<HttpAnswer> {
  try {
    return await postForm(tokenUrl, { grant_type: JWT_BEARER_GRANT_TYPE, assertion }, timeoutMs, network);
  } catch (error) {
    const failure = error instanceof HttpFailure ? error : new HttpFailure('ERR_UNKNOWN');
    // A proxy's refusal and an untrusted certificate carry their own fix; anything else is the generic one.
    const what = failure.describe();
    const fix = failure.detail || /--ca-cert/.test(what) ? '' : '; check the URL, the network and that the server is running';
    throw new TokenEndpointUnreachableError(
      `${environment}: cannot reach ${tokenUrl} (${what})${fix}`,
      { environment, reason: failure.reason, cause: error },
    );
  }
}

/** Reads a 200 body with the shared rule (src/idcloud/token-response.ts); a bad one names what is wrong. */
export function readToken(body: string, environment: string, tokenUrl: string): Omit<TokenResult, 'elapsedMs' | 'clockOffsetSeconds'> & { warning?: string } {
  const reading = readTokenBody(body);
  if (!reading.ok) {
    throw new TokenBadResponseError(`${environment}: ${tokenUrl} answered 200 but the body ${reading.problem}; check that the URL is an IDCloud identity service`, { environment, status: 200 });
  }
  return { accessToken: reading.accessToken, expiresIn: reading.expiresIn, tokenType: reading.tokenType, warning: reading.warning };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
