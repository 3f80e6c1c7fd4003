/**
 * Run state kept in run-local variables: what the current request expects (handed from its pre-request scripts to
 * the test script), which request is being retried after a 429, how many invalid attempts the `Token errors`
 * folder has sent, and whether the account was found locked.
 */
import { LOCKED_CODE } from '../../idcloud/error-code';
import { MAX_RATE_LIMIT_RETRIES, rateLimitNotice, rateLimitWaitMs } from '../../idcloud/rate-limit';
import { parseJson } from '../../idcloud/json';
import { codedNote, codeNote, Expectation } from '../../suites/outcome';
import { FOLDERS } from '../../suites/folders';
import { CASE_HEADER, RUN_VARIABLES } from '../../suites/variables';
import { invalidAttemptsLine, signalLine, type RunSignal } from '../../suites/run-signals';
import { fail, Host, setNextRequest, setVariable, textVar } from './pm';

/**
 * What the test script judges the answer against (so it carries no case tables). `folder`: a case of the
 * `Token errors` folder that the pre-request script did not build (token-errors.ts does not know its id, e.g. a
 * request from a newer collection): nothing was sent that the answer could be judged against; `problem` says why
 * (folderCaseProblem, worded here so that the test script does not carry it).
 */
export type Handover = Expectation | { kind: 'folder'; problem: string };

export function setExpectation(host: Host, expectation: Handover | undefined): void {
  setVariable(host, RUN_VARIABLES.expectation, expectation ? JSON.stringify(expectation) : '');
}

export function readExpectation(host: Host): Handover | undefined {
  const text = textVar(host, RUN_VARIABLES.expectation);
  return text ? (parseJson(text) as Handover | undefined) : undefined;
}

/** Why a negative case was not prepared: the request is not in the `Token errors` folder, or the script does not know the case. */
export function folderCaseProblem(caseId: string): string {
  return `no script of this collection prepares case "${caseId}" (${CASE_HEADER}) here: the negative cases are built only for the requests in the "${FOLDERS.tokenErrors}" folder; move the request back there, or regenerate the collection`;
}

export const LOCKED_TEST_NAME = `account locked (${LOCKED_CODE}): stopping`;

/** How many times the request of `caseId` has been retried after a 429 so far. */
export function retryCount(host: Host, caseId: string): number {
  const [retried, count] = textVar(host, RUN_VARIABLES.retry).split(':');
  return retried === caseId ? Number(count) || 0 : 0;
}

export function clearRetry(host: Host): void {
  setVariable(host, RUN_VARIABLES.retry, '');
}

/**
 * On a 429 of a visible token-endpoint request: wait Retry-After, then run the same request again (bounded).
 * Returns true when the 429 was handled (the caller records no other verdict).
 */
export function retryAfterRateLimit(host: Host, caseId: string, status: number, retryAfter: string | undefined): boolean {
  const pm = host.pm;
  if (status !== 429) {
    clearRetry(host);
    return false;
  }
  const count = retryCount(host, caseId);
  const wait = rateLimitWaitMs(status, retryAfter, count);
  if (wait === undefined) {
    clearRetry(host);
    fail(host, 'not rate limited', `expected an answer, got 429 after ${MAX_RATE_LIMIT_RETRIES} retries: the token endpoint kept rate-limiting (Unico allows 10 requests/s per tenant)`);
    return true;
  }
  pm.variables.set(RUN_VARIABLES.retry, `${caseId}:${count + 1}`);
  host.log(rateLimitNotice(`running "${pm.info.requestName}"`, wait, count + 1));
  setNextRequest(host, pm.info.requestId);
  // The pending timer holds the script, so the retry starts after the wait.
  host.setTimeout(() => undefined, wait);
  return true;
}

export function isLocked(host: Host): boolean {
  return textVar(host, RUN_VARIABLES.locked) !== '';
}

/** The first 1.2.18 stops the run: more invalid attempts would only prolong the lock. */
export function stopOnLockout(host: Host): void {
  host.pm.variables.set(RUN_VARIABLES.locked, '1');
  setNextRequest(host, null);
  fail(host, LOCKED_TEST_NAME, codedNote(`${LOCKED_TEST_NAME}: ${codeNote(LOCKED_CODE)}`, LOCKED_CODE));
}

export function invalidAttempts(host: Host): number {
  return Number(textVar(host, RUN_VARIABLES.invalidAttempts)) || 0;
}

/** Counts one invalid authentication attempt and signals the run's count (a runner keeps the last one). */
export function countInvalidAttempt(host: Host): number {
  const next = invalidAttempts(host) + 1;
  host.pm.variables.set(RUN_VARIABLES.invalidAttempts, String(next));
  host.signal({ kind: 'invalid-attempts', count: next }, invalidAttemptsLine(next));
  return next;
}

/** Skips the current request (pre-request scripts only) with a skipped test that says why. */
export function skipRequest(host: Host, reason: string, signal?: RunSignal): void {
  host.pm.test.skip(reason);
  // A skip the runner can name the fix for goes to it as data; its line is the reason's either way (a `skipped`
  // signal's reason is run-signals.ts skippedReason, so the line is its skippedLine).
  if (signal) host.signal(signal, signalLine(reason));
  else host.log(signalLine(reason));
  const execution = host.pm.execution;
  if (execution && execution.skipRequest) execution.skipRequest();
}
