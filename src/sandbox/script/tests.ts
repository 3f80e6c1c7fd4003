/**
 * The collection-level test script: judges the answer against the expectation the pre-request script left in
 * a run variable (so this script carries no case tables), seeds the token cache from the visible exchange,
 * retries a rate-limited token request, stops the run at the first 1.2.18, keeps the id a create answered for the
 * read that follows, and records every failure that names a Unico code with the code's cause and remedy (only
 * this script carries Unico's error table).
 */
import { explainCodeNotes } from '../../suites/explain';
import { ApiExpectation, Check, Expectation, isLockout, isUsableProcessId, judgeApiResponse, judgeRejection, judgeTokenResponse, parseJson } from '../../suites/outcome';
import { RUN_VARIABLES } from '../../suites/variables';
import { readTokenResponse } from './exchange';
import { fail, Host, pass, pendingFailures, Pm, PmResponse, textVar } from './pm';
import { retryAfterRateLimit, stopOnLockout } from './run-state';
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
    rememberFailure(host, key, outcome.message);
  }
}

/** Failures that name a Unico code, recorded here with the code's cause and remedy (pm.ts `fail`). */
export function recordPendingFailures(pm: Pm): void {
  const pending = pendingFailures(pm);
  pm.variables.set(RUN_VARIABLES.pendingFailures, '');
  for (const [name, message] of pending) {
    pm.test(name, () => {
      throw new Error(explainCodeNotes(message));
    });
  }
}

/** A successful create's `id`, for the read that follows (suites/api.ts). */
function keepCreatedId(pm: Pm, expectation: ApiExpectation, response: PmResponse): void {
  if (!expectation.savesIdIn || response.code < 200 || response.code >= 300) return;
  const body = parseJson(response.text()) as { id?: unknown } | undefined;
  if (body && isUsableProcessId(body.id)) pm.variables.set(expectation.savesIdIn, body.id);
}

export function runTests(host: Host): void {
  try {
    judge(host);
  } finally {
    recordPendingFailures(host.pm);
  }
}

function judge(host: Host): void {
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
    keepCreatedId(pm, expectation, response);
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
