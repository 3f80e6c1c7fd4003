/**
 * The collection-level test script: judges the answer against the expectation the pre-request script left in
 * a run variable (so this script carries no case tables), seeds the token cache from the visible exchange,
 * retries a rate-limited token request, stops the run at the first 1.2.18, keeps the id a create answered for the
 * read that follows, and records every failure that names a Unico code with the code's cause and remedy (only
 * this script carries Unico's error table).
 */
import { explainCodeNotes } from '../../suites/explain';
import { isLockout } from '../../idcloud/error-code';
import { ApiExpectation, Check, createdId, Expectation, judgeApiResponse, judgeRejection, judgeTokenResponse, parseJson } from '../../suites/outcome';
import { RUN_VARIABLES } from '../../suites/variables';
import { readTokenResponse } from './exchange';
import { fail, Host, pass, pendingFailures, PmResponse, textVar } from './pm';
import { retryAfterRateLimit, stopOnLockout } from './run-state';
import { cacheEntry, forgetFailure, isRememberedFailure, rememberFailure, writeCache } from './token-cache';

export function record(host: Host, checks: readonly Check[]): void {
  for (const check of checks) {
    if (check.failure === undefined) pass(host, check.name);
    // Judges name Unico codes with codeNote: this script carries the table that explains them.
    else fail(host, check.name, explainCodeNotes(check.failure));
  }
}

/** The visible exchange seeds the cache, or records its rejection so that API requests do not repeat it. */
function seedCache(host: Host, key: string): void {
  const response = host.pm.response;
  if (!response || !key) return;
  const outcome = readTokenResponse(response);
  if (outcome.ok) {
    writeCache(host, cacheEntry(key, outcome.accessToken, outcome.expiresInSeconds, host.now()));
    forgetFailure(host);
  } else if (isRememberedFailure(outcome.status)) {
    rememberFailure(host, key, outcome.failure);
  }
}

/** Failures that name a Unico code, handed over by the pre-request (pm.ts `fail`), recorded here with the code's cause and remedy. */
export function recordPendingFailures(host: Host): void {
  const pm = host.pm;
  const pending = pendingFailures(host);
  pm.variables.set(RUN_VARIABLES.pendingFailures, '');
  for (const [name, message] of pending) {
    pm.test(name, () => {
      throw new Error(explainCodeNotes(message));
    });
  }
}

/** A successful create's `id`, for the read that follows (suites/api.ts). */
function keepCreatedId(host: Host, expectation: ApiExpectation, response: PmResponse): void {
  if (!expectation.savesIdIn || response.code < 200 || response.code >= 300) return;
  const id = createdId(parseJson(response.text()));
  if (id !== undefined) host.pm.variables.set(expectation.savesIdIn, id);
}

export function runTests(host: Host): void {
  try {
    judge(host);
  } finally {
    recordPendingFailures(host);
  }
}

function judge(host: Host): void {
  const pm = host.pm;
  // Secrets of this request are not needed any more.
  pm.variables.set(RUN_VARIABLES.accessToken, '');
  pm.variables.set(RUN_VARIABLES.assertion, '');
  const caseId = textVar(host, RUN_VARIABLES.currentCase);
  const expectation = parseJson(textVar(host, RUN_VARIABLES.expectation)) as Expectation | undefined;
  const response = pm.response;
  if (!caseId || !expectation || !response) return;
  const status = response.code;
  const text = response.text();
  if (isLockout(text)) {
    stopOnLockout(host);
    return;
  }
  if (expectation.kind === 'api') {
    record(host, [judgeApiResponse(expectation, status)]);
    keepCreatedId(host, expectation, response);
    return;
  }
  if (retryAfterRateLimit(host, caseId, status, response.headers.get('Retry-After'))) return;
  if (expectation.kind === 'token') {
    record(host, judgeTokenResponse(status, text));
    seedCache(host, expectation.cacheKey);
  } else {
    record(host, judgeRejection(expectation, status, text));
  }
}
