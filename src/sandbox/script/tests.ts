/**
 * The collection-level test script: judges the answer against the expectation the pre-request script left in
 * a run variable (so this script carries no case tables), seeds the token cache from the visible exchange,
 * retries a rate-limited token request, stops the run at the first 1.2.18, keeps the id a create answered for the
 * read that follows, and records every failure that names a Unico code with the code's cause and remedy (only
 * this script carries Unico's error table).
 */
import { explainCodeNotes } from '../../suites/explain';
import { isLockout } from '../../idcloud/error-code';
import { retriesOnServerClock } from '../../idcloud/clock-retry';
import { ApiExpectation, Check, createdId, judgeApiResponse, judgeRejection, judgeTokenResponse } from '../../suites/outcome';
import { parseJson } from '../../idcloud/json';
import { signalLine } from '../../suites/run-signals';
import { RUN_VARIABLES } from '../../suites/variables';
import { noteEmulatorSignal } from './emulator';
import { ExchangeOutcome, noteOutcome, readTokenResponse } from './exchange';
import { fail, Host, pass, pendingFailures, PmResponse, setNextRequest, setVariable, textVar } from './pm';
import { countInvalidAttempt, readExpectation, retryAfterRateLimit, stopOnLockout } from './run-state';
import { learnClockOffset } from './times';
import { cacheEntry, forgetFailure, forgetRejectedToken, isRememberedFailure, rememberedFailure, rememberFailure, writeCache } from './token-cache';

/** The check the auth layer adds to every request it authenticated (the user's own, a wrapped collection's). */
export const LAYER_ACCEPTED_TEST = 'IDCloud: access token accepted';

/**
 * A request the layer gave a token (no case of ours: the user's own, or a wrapped collection's) is checked for
 * one thing, so that any wrapped collection is an auth smoke test: the API did not refuse the token (401/403).
 */
function checkLayerToken(host: Host, status: number): void {
  const refused = status === 401 || status === 403;
  record(host, [{ name: LAYER_ACCEPTED_TEST, failure: refused ? `the API answered ${status}: it refused the auth layer's access token (may this account call it?)` : undefined }]);
}

/**
 * The run's refused exchange, told to a runner once (suites/run-signals.ts) and explained with Unico's table,
 * which only this script carries: the runner says the cause once instead of once per request that needed a token.
 */
function signalRefusal(host: Host): void {
  if (textVar(host, RUN_VARIABLES.refusalSignalled)) return;
  const failure = rememberedFailure(host);
  if (!failure) return;
  host.pm.variables.set(RUN_VARIABLES.refusalSignalled, '1');
  const reason = explainCodeNotes(failure.text);
  host.signal({ kind: 'exchange-refused', reason }, signalLine(reason));
}

export function record(host: Host, checks: readonly Check[]): void {
  for (const check of checks) {
    if (check.failure === undefined) pass(host, check.name);
    // Judges name Unico codes with codeNote: this script carries the table that explains them.
    else fail(host, check.name, explainCodeNotes(check.failure));
  }
}

/** The visible exchange seeds the cache, or records its rejection so that API requests do not repeat it. */
function seedCache(host: Host, key: string, outcome: ExchangeOutcome): void {
  noteOutcome(host, outcome);
  if (!key) return;
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
  if (pending.length === 0) return;
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

/**
 * The visible exchange was refused while dated by a clock the server disagrees with (idcloud/clock-retry.ts):
 * run it once more, dated by the server's clock (times.ts), counting the refused one as the invalid attempt it was.
 */
function retryOnServerClock(host: Host): void {
  countInvalidAttempt(host);
  host.log(`IDCloud: running "${host.pm.info.requestName}" again, dated by the server's clock`);
  setNextRequest(host, host.pm.info.requestId);
}

export function runTests(host: Host): void {
  try {
    judge(host);
  } finally {
    recordPendingFailures(host);
    signalRefusal(host);
  }
}

function judge(host: Host): void {
  const pm = host.pm;
  // Set only when the layer gave this request its token (to a product API origin).
  const sentToken = textVar(host, RUN_VARIABLES.accessToken);
  // Secrets of this request are not needed any more.
  setVariable(host, RUN_VARIABLES.accessToken, '');
  setVariable(host, RUN_VARIABLES.assertion, '');
  const caseId = textVar(host, RUN_VARIABLES.currentCase);
  const expectation = readExpectation(host);
  const response = pm.response;
  // 401 to the layer's token: not accepted any more. The suite's own "without APIKEY" case expects its 401.
  if (sentToken && response && response.code === 401 && !(expectation && expectation.kind === 'api' && expectation.expect === 'rejected')) {
    forgetRejectedToken(host, sentToken);
  }
  if (!caseId && sentToken && response) return checkLayerToken(host, response.code);
  if (!caseId || !expectation || !response) return;
  if (expectation.kind === 'folder') {
    // The pre-request script built no case (the request was moved out of its folder, or its case is unknown).
    fail(host, `${pm.info.requestName}: prepared`, expectation.problem);
    return;
  }
  const status = response.code;
  if (expectation.kind === 'api') {
    // A product API answers by its status (1.2.18 is the token endpoint's): its body is read only for a create's id.
    record(host, [judgeApiResponse(expectation, status)]);
    keepCreatedId(host, expectation, response);
    return;
  }
  // A token-endpoint answer: it says whether the emulator gave it (emulator.ts; the origin came with the expectation).
  noteEmulatorSignal(host, expectation.origin, response);
  const text = response.text();
  if (isLockout(text)) {
    stopOnLockout(host);
    return;
  }
  if (retryAfterRateLimit(host, caseId, status, response.headers.get('Retry-After'))) return;
  const clockMoved = learnClockOffset(host, response);
  if (expectation.kind === 'token') {
    // The learned offset does not move again on the retry: never a second one.
    if (retriesOnServerClock(status, text, clockMoved, false)) return retryOnServerClock(host);
    const outcome = readTokenResponse(response);
    // An outage's only check is the signal, which noteOutcome records once per run (exchange.ts signalUnavailable).
    if (outcome.ok || !outcome.unavailable) record(host, judgeTokenResponse(status, text));
    seedCache(host, expectation.cacheKey, outcome);
  } else {
    record(host, judgeRejection(expectation, status, text));
  }
}
