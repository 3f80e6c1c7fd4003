/**
 * The collection-level test script: judges the answer against the expectation the pre-request script left in
 * a run variable (so this script carries no case tables), seeds the token cache from the visible exchange,
 * retries a rate-limited token request and stops the run at the first 1.2.18.
 */
import { Check, Expectation, isLockout, judgeApiResponse, judgeRejection, judgeTokenResponse, parseJson } from '../suites/outcome';
import { RUN_VARIABLES } from '../suites/variables';
import { readTokenResponse } from './flow-exchange';
import { fail, Host, pass, Pm, textVar } from './flow-pm';
import { retryAfterRateLimit, stopOnLockout } from './flow-state';
import { cacheEntry, forgetFailure, isRememberedFailure, rememberFailure, writeCache } from './token-cache';

export function record(pm: Pm, checks: readonly Check[]): void {
  for (const check of checks) {
    if (check.failure === undefined) pass(pm, check.name);
    else fail(pm, check.name, check.failure);
  }
}

/** The visible exchange seeds the cache, or records its rejection so that API requests do not repeat it. */
function seedCache(host: Host, key: string): void {
  const response = host.pm.response;
  if (!response || !key) return;
  const outcome = readTokenResponse(response);
  if (outcome.ok) {
    writeCache(host.pm, cacheEntry(key, outcome.accessToken, outcome.expiresInSeconds, host.now()));
    forgetFailure(host.pm);
  } else if (isRememberedFailure(outcome.status)) {
    rememberFailure(host.pm, key, outcome.message);
  }
}

export function runTests(host: Host): void {
  const pm = host.pm;
  const caseId = textVar(pm, RUN_VARIABLES.currentCase);
  const expectation = parseJson(textVar(pm, RUN_VARIABLES.expectation)) as Expectation | undefined;
  const response = pm.response;
  if (!caseId || !expectation || !response) return;
  // Secrets of this request are not needed any more.
  pm.variables.set(RUN_VARIABLES.assertion, '');
  pm.variables.set(RUN_VARIABLES.bearer, '');
  const status = response.code;
  const text = response.text();
  if (isLockout(text)) {
    stopOnLockout(host);
    return;
  }
  if (expectation.kind === 'api') {
    record(pm, [judgeApiResponse(expectation, status)]);
    return;
  }
  if (retryAfterRateLimit(host, caseId, status, response.headers.get('Retry-After'))) return;
  if (expectation.kind === 'token') {
    record(pm, judgeTokenResponse(status, text));
    seedCache(host, expectation.cacheKey);
  } else {
    record(pm, judgeRejection(expectation, status, text));
  }
}
