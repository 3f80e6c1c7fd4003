/**
 * The collection-level pre-request script: reads the request's `X-IdCloud-Case` header (and removes it from
 * the outgoing request), then prepares what that case sends: a freshly signed assertion, a mutated one, or the
 * cached access token. Requests the user adds without the header are left alone.
 */
import { ApiCase, findApiCase, UNKNOWN_PROCESS_ID } from '../../suites/api';
import { findNegativeCase, NegativeCase } from '../../suites/cases';
import type { Expectation } from '../../suites/outcome';
import { CASE_HEADER, ENV_VARIABLES, INJECTED_VARIABLES, RUN_VARIABLES, TOKEN_EXCHANGE_CASE } from '../../suites/variables';
import { exchangeAssertion } from './exchange';
import { fail, Host, Pm, textVar } from './pm';
import { otherEnvironmentAud, readSettings, Settings } from './settings';
import { countInvalidAttempt, invalidAttempts, isLocked, retryCount, skipRequest, stopOnLockout } from './run-state';
import { uniqueAssertionTimes } from './times';
import { mutationTools, otherKeyMaker, parseAccountKey, signJwsRs256, validAssertionParts } from './mutations';
import type { RsaPrivateKey } from '../crypto/index';
import { cacheKey, getAccessToken } from './token-cache';

export function readCaseHeader(pm: Pm): string {
  const value = pm.request.headers.get(CASE_HEADER);
  if (value !== undefined) pm.request.headers.remove(CASE_HEADER);
  return value === undefined || value === null ? '' : String(value).trim();
}

interface Signing {
  settings: Settings;
  key: RsaPrivateKey;
}

/** Settings and parsed key, or a failing test naming the variable to fix. */
function signing(pm: Pm, testName: string): Signing | undefined {
  const read = readSettings(pm);
  if (!read.ok) {
    fail(pm, testName, read.problem);
    return undefined;
  }
  const parsed = parseAccountKey(read.settings.privateKeyPem);
  if (!parsed.ok) {
    fail(pm, testName, parsed.problem);
    return undefined;
  }
  return { settings: read.settings, key: parsed.key };
}

/** The valid assertion's parts: iat now, and an (iat, exp) pair no other assertion of this run had. */
function freshParts(host: Host, s: Signing) {
  return validAssertionParts(s.settings.iss, s.settings.aud, uniqueAssertionTimes(host.pm, host.now()));
}

function freshAssertion(host: Host, s: Signing): string {
  const { header, claims } = freshParts(host, s);
  return signJwsRs256(s.key, header, claims);
}

/** What the test script should judge the answer against (it carries no case tables). */
function setExpectation(pm: Pm, expectation: Expectation): void {
  pm.variables.set(RUN_VARIABLES.expectation, JSON.stringify(expectation));
}

function prepareTokenExchange(host: Host): void {
  const pm = host.pm;
  pm.variables.set(RUN_VARIABLES.assertion, '');
  const s = signing(pm, 'assertion signed');
  // The test script seeds the cache under this key, so it needs no settings of its own.
  setExpectation(pm, { kind: 'token', cacheKey: s ? cacheKey(s.settings.aud, s.settings.iss) : '' });
  if (s) pm.variables.set(RUN_VARIABLES.assertion, freshAssertion(host, s));
}

/**
 * Messages name the case by its request's name (the generator names each request after its case), so the
 * script needs no table of names.
 */
function prepareNegativeCase(host: Host, c: NegativeCase): void {
  const pm = host.pm;
  const name = pm.info.requestName;
  pm.variables.set(RUN_VARIABLES.assertion, '');
  const s = signing(pm, `${name}: assertion built`);
  if (!s) {
    skipRequest(host, `${name}: not sent, the settings above are incomplete`);
    return;
  }
  // A retry after 429 is the same attempt: count it once.
  if (retryCount(pm, c.id) === 0) {
    if (invalidAttempts(pm) >= s.settings.maxInvalidAttempts) {
      skipRequest(host, `${name}: skipped, max_invalid_attempts (${s.settings.maxInvalidAttempts}) reached; raise it to send more invalid attempts`);
      return;
    }
    countInvalidAttempt(host);
  }
  const tools = mutationTools(s.key, otherEnvironmentAud(s.settings.aud), otherKeyMaker(textVar(pm, INJECTED_VARIABLES.otherPrivateKey)));
  const build = (): string => {
    const { header, claims } = freshParts(host, s);
    return c.build(header, claims, tools);
  };
  if (!c.replay) {
    pm.variables.set(RUN_VARIABLES.assertion, build());
    return;
  }
  let lastSent = '';
  exchangeAssertion(host, s.settings.tokenUrl, () => (lastSent = build()), (outcome) => {
    if (!outcome.ok && outcome.locked) stopOnLockout(host);
    else if (!outcome.ok) fail(pm, `${name}: first use accepted`, `the first use of the assertion must succeed before it can be replayed: ${outcome.message}`);
    pm.variables.set(RUN_VARIABLES.assertion, lastSent);
  });
}

function prepareApiCase(host: Host, c: ApiCase): void {
  const pm = host.pm;
  const name = pm.info.requestName;
  pm.variables.set(RUN_VARIABLES.bearer, '');
  if (c.product === 'client' && !String(pm.variables.get(ENV_VARIABLES.apiKey) || '').trim()) {
    skipRequest(host, `${name}: skipped, api_key is empty (fill api_key to test the by-Client API)`);
    return;
  }
  // A read run without the create before it (alone, or after a failed create) reads an id that exists nowhere.
  if (c.readsIdFrom && !textVar(pm, c.readsIdFrom)) pm.variables.set(c.readsIdFrom, UNKNOWN_PROCESS_ID);
  if (c.auth !== 'valid') return;
  // Without a token the API's answer proves nothing about the API: report only why there is no token.
  const withoutToken = (): void => pm.variables.set(RUN_VARIABLES.expectation, '');
  const s = signing(pm, `${name}: access token obtained`);
  if (!s) return withoutToken();
  getAccessToken(host, cacheKey(s.settings.aud, s.settings.iss), s.settings.tokenUrl, () => freshAssertion(host, s), (result) => {
    if (result.ok) return pm.variables.set(RUN_VARIABLES.bearer, result.accessToken);
    withoutToken();
    if (result.locked) stopOnLockout(host);
    else fail(pm, `${name}: access token obtained`, result.message);
  });
}

export function runPrerequest(host: Host): void {
  const pm = host.pm;
  const caseId = readCaseHeader(pm);
  // Always overwritten, so a user's own request never inherits the previous request's case or failures.
  pm.variables.set(RUN_VARIABLES.currentCase, caseId);
  pm.variables.set(RUN_VARIABLES.expectation, '');
  pm.variables.set(RUN_VARIABLES.pendingFailures, '');
  if (!caseId) return;
  if (isLocked(pm)) {
    skipRequest(host, `${pm.info.requestName}: skipped, the account is locked (1.2.18)`);
    return;
  }
  if (caseId === TOKEN_EXCHANGE_CASE.id) return prepareTokenExchange(host);
  const negative = findNegativeCase(caseId);
  if (negative) {
    setExpectation(pm, { kind: 'rejection', subject: negative.subject, ...negative.expect });
    return prepareNegativeCase(host, negative);
  }
  const api = findApiCase(caseId);
  if (api) {
    setExpectation(pm, { kind: 'api', expect: api.expect, subject: api.subject, savesIdIn: api.savesIdIn });
    return prepareApiCase(host, api);
  }
  host.log(`IDCloud: unknown case "${caseId}" in ${CASE_HEADER}; regenerate the collection`);
}
