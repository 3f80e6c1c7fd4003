/**
 * The collection-level pre-request script: reads the request's `X-IdCloud-Case` header (and removes it from
 * the outgoing request), then prepares what that case sends: a freshly signed assertion, a mutated one, or an
 * API call through the auth layer. Requests without the header (the user's own) get the auth layer (auth.ts).
 */
import { isLoopbackUrl } from '../../idcloud/origin';
import { ApiCase, documentsCode, findApiCase, requestBody, UNKNOWN_PROCESS_ID } from '../../suites/api';
import { findNegativeCase, NegativeCase } from '../../suites/cases';
import type { Expectation } from '../../suites/outcome';
import { CASE_HEADER, ENV_VARIABLES, INJECTED_VARIABLES, RUN_VARIABLES, TOKEN_EXCHANGE_CASE } from '../../suites/variables';
import type { RsaPrivateKey } from '../crypto/rsa-key';
import { applyAuthLayer, freshAssertion, freshParts, resolvedRequestUrl } from './auth';
import { exchangeAssertion } from './exchange';
import { fail, Host, textVar } from './pm';
import { otherEnvironmentAud, readSettings, Settings } from './settings';
import { countInvalidAttempt, invalidAttempts, isLocked, retryCount, skipRequest, stopOnLockout } from './run-state';
import { mutationTools, otherKeyMaker } from './mutations';
import { loadAccountKey, MISSING_API_KEY, readApiKey } from './secrets';
import { cacheKey } from './token-cache';

/** The failing test of a user's request that could not get a token. */
export const LAYER_TEST_NAME = 'IDCloud: access token obtained';

export function readCaseHeader(host: Host): string {
  const headers = host.pm.request.headers;
  const value = headers.get(CASE_HEADER);
  if (value !== undefined) headers.remove(CASE_HEADER);
  return value === undefined || value === null ? '' : String(value).trim();
}

interface Signing {
  settings: Settings;
  key: RsaPrivateKey;
}

/** Settings and parsed key (from private_key or the Vault), or a failing test naming what to fill. */
function withSigning(host: Host, testName: string, then: (s: Signing | undefined) => void): void {
  const read = readSettings(host);
  if (!read.ok) {
    fail(host, testName, read.problem);
    return then(undefined);
  }
  loadAccountKey(host, (loaded) => {
    if (!loaded.ok) {
      fail(host, testName, loaded.problem);
      return then(undefined);
    }
    then({ settings: read.settings, key: loaded.key });
  });
}

/** What the test script should judge the answer against (it carries no case tables). */
function setExpectation(host: Host, expectation: Expectation): void {
  host.pm.variables.set(RUN_VARIABLES.expectation, JSON.stringify(expectation));
}

function prepareTokenExchange(host: Host): void {
  const pm = host.pm;
  pm.variables.set(RUN_VARIABLES.assertion, '');
  const read = readSettings(host);
  // The test script seeds the cache under this key, so it needs no settings of its own.
  setExpectation(host, { kind: 'token', cacheKey: read.ok ? cacheKey(read.settings.aud, read.settings.iss) : '' });
  withSigning(host, 'assertion signed', (s) => {
    if (s) pm.variables.set(RUN_VARIABLES.assertion, freshAssertion(host, s.settings, s.key));
  });
}

/**
 * Messages name the case by its request's name (the generator names each request after its case), so the
 * script needs no table of names.
 */
function prepareNegativeCase(host: Host, c: NegativeCase): void {
  const pm = host.pm;
  const name = pm.info.requestName;
  pm.variables.set(RUN_VARIABLES.assertion, '');
  withSigning(host, `${name}: assertion built`, (s) => {
    if (!s) return skipRequest(host, `${name}: not sent, the settings above are incomplete`);
    // A retry after 429 is the same attempt: count it once.
    if (retryCount(host, c.id) === 0) {
      if (invalidAttempts(host) >= s.settings.maxInvalidAttempts) {
        return skipRequest(host, `${name}: skipped, max_invalid_attempts (${s.settings.maxInvalidAttempts}) reached; raise it to send more invalid attempts`);
      }
      countInvalidAttempt(host);
    }
    const tools = mutationTools(s.key, otherEnvironmentAud(s.settings.aud), otherKeyMaker(textVar(host, INJECTED_VARIABLES.otherPrivateKey)));
    const build = (): string => {
      const { header, claims } = freshParts(host, s.settings);
      return c.build(header, claims, tools);
    };
    if (!c.replay) {
      pm.variables.set(RUN_VARIABLES.assertion, build());
      return;
    }
    let lastSent = '';
    exchangeAssertion(host, s.settings.tokenUrl, () => (lastSent = build()), (outcome) => {
      if (!outcome.ok && outcome.locked) stopOnLockout(host);
      else if (!outcome.ok) fail(host, `${name}: first use accepted`, { ...outcome.failure, text: `the first use of the assertion must succeed before it can be replayed: ${outcome.failure.text}` });
      pm.variables.set(RUN_VARIABLES.assertion, lastSent);
    });
  });
}

/**
 * On loopback (the request's own host and identity_url's both loopback: the emulator) the folder runs the
 * whole flow with valid bodies; anywhere else every body is `{}` and every read an unknown id (suites/api.ts).
 * Decided here from the resolved URLs, never from a variable a user could set.
 */
export function isLoopbackRun(host: Host): boolean {
  return isLoopbackUrl(resolvedRequestUrl(host)) && isLoopbackUrl(textVar(host, ENV_VARIABLES.identityUrl));
}

function prepareApiCase(host: Host, c: ApiCase): void {
  const pm = host.pm;
  const name = pm.info.requestName;
  const loopback = isLoopbackRun(host);
  if (c.loopbackOnly && !loopback) return skipRequest(host, `${name}: not sent, the emulator's control path exists only on loopback`);
  if (c.product !== 'client') return sendApiCase(host, c, loopback);
  readApiKey(host, (apiKey) => {
    if (!apiKey) return skipRequest(host, `${name}: skipped, ${MISSING_API_KEY}`);
    sendApiCase(host, c, loopback);
  });
}

function sendApiCase(host: Host, c: ApiCase, loopback: boolean): void {
  const pm = host.pm;
  setExpectation(host, { kind: 'api', expect: c.expect, subject: c.subject, savesIdIn: c.savesIdIn, mustSucceed: loopback && !!c.succeedsOnLoopback });
  pm.variables.set(RUN_VARIABLES.body, c.body ? requestBody(c.body, c.product, loopback) : '');
  pm.variables.set(RUN_VARIABLES.subjectCode, documentsCode(loopback));
  // The sign host's documents are never created by the suite; a read without its create asks for an id that exists nowhere.
  pm.variables.set(RUN_VARIABLES.signDocumentId, UNKNOWN_PROCESS_ID);
  if (c.readsIdFrom && !textVar(host, c.readsIdFrom)) pm.variables.set(c.readsIdFrom, UNKNOWN_PROCESS_ID);
  if (c.auth !== 'valid') return;
  applyAuthLayer(host, { apiKey: c.layerApiKey, testName: `${pm.info.requestName}: access token obtained` }, (result) => {
    // Without a token the API's answer proves nothing about the API: report only why there is no token.
    if (result === 'failed') pm.variables.set(RUN_VARIABLES.expectation, '');
    else if (result !== 'token') {
      pm.variables.set(RUN_VARIABLES.expectation, '');
      fail(host, `${pm.info.requestName}: sent to a product API`, `the request's URL is not on ${ENV_VARIABLES.unicoApiUrl}, ${ENV_VARIABLES.clientApiUrl} or ${ENV_VARIABLES.signApiUrl}: check those variables`);
    }
  });
}

export function runPrerequest(host: Host): void {
  const pm = host.pm;
  // Always overwritten, so no request inherits the previous request's token, case or failures.
  pm.variables.set(RUN_VARIABLES.accessToken, '');
  const caseId = readCaseHeader(host);
  pm.variables.set(RUN_VARIABLES.currentCase, caseId);
  pm.variables.set(RUN_VARIABLES.expectation, '');
  pm.variables.set(RUN_VARIABLES.pendingFailures, '');
  if (!caseId) return applyAuthLayer(host, { apiKey: true, testName: LAYER_TEST_NAME });
  if (isLocked(host)) {
    skipRequest(host, `${pm.info.requestName}: skipped, the account is locked (1.2.18)`);
    return;
  }
  if (caseId === TOKEN_EXCHANGE_CASE.id) return prepareTokenExchange(host);
  const negative = findNegativeCase(caseId);
  if (negative) {
    setExpectation(host, { kind: 'rejection', subject: negative.subject, ...negative.expect });
    return prepareNegativeCase(host, negative);
  }
  const api = findApiCase(caseId);
  if (api) return prepareApiCase(host, api);
  host.log(`IDCloud: unknown case "${caseId}" in ${CASE_HEADER}; regenerate the collection`);
}
