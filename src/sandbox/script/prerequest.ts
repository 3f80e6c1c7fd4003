/**
 * The collection-level pre-request script: reads the request's `X-IdCloud-Case` header (and removes it from
 * the outgoing request), then prepares what that case sends: a freshly signed assertion for the visible exchange,
 * or an API call through the auth layer. Requests without the header (the user's own) get the auth layer
 * (auth.ts). Negative cases (token-errors.ts) are built only for the requests of the `Token errors` folder.
 * One script for every request, so the collection carries one copy of the signer: a request that finds a cached
 * token runs only the layer's fast path. Every request's sandbox compiles the same text and V8 reuses that
 * compilation, so the code a request does not run costs it next to nothing (measured in Newman: README).
 */
import { FOLDERS } from '../../suites/folders';
import { ApiCase, documentsCode, findApiCase, requestBody, UNKNOWN_PROCESS_ID } from '../../suites/api';
import { CASE_HEADER, ENV_VARIABLES, RUN_VARIABLES, TOKEN_EXCHANGE_CASE } from '../../suites/variables';
import { applyAuthLayer, resolvedRequestUrl } from './auth';
import { isLoopbackUrl } from '../../idcloud/origin';
import { isEmulatorRun, loopbackIdentityOrigin } from './emulator';
import { fail, Host, setVariable, textVar } from './pm';
import { readSettings } from './settings';
import { folderCaseProblem, isLocked, setExpectation, skipRequest } from './run-state';
import { readApiKey } from './secrets';
import { skippedReason } from '../../suites/run-signals';
import { freshAssertion, withSigning } from './signing';
import { cacheKey } from './token-cache';
import { prepareTokenErrorsCase } from './token-errors';

/** The failing test of a user's request that could not get a token. */
export const LAYER_TEST_NAME = 'IDCloud: access token obtained';

export function readCaseHeader(host: Host): string {
  const headers = host.pm.request.headers;
  const value = headers.get(CASE_HEADER);
  if (value !== undefined) headers.remove(CASE_HEADER);
  return value === undefined || value === null ? '' : String(value).trim();
}

function prepareTokenExchange(host: Host): void {
  const pm = host.pm;
  const read = readSettings(host);
  // The test script seeds the cache under this key, so it needs no settings of its own.
  setExpectation(host, { kind: 'token', cacheKey: read.ok ? cacheKey(read.settings.aud, read.settings.iss) : '', origin: loopbackIdentityOrigin(host) });
  withSigning(host, 'assertion signed', (s) => {
    if (s) pm.variables.set(RUN_VARIABLES.assertion, freshAssertion(host, s.settings, s.key));
  }, read);
}

/**
 * Any other case is a negative case of the `Token errors` folder (token-errors.ts). A request outside that folder
 * (pm.execution.location says where it is) is not sent: its invalid attempt would escape the folder's budget.
 */
function negativeCaseInFolder(host: Host, caseId: string): void {
  const location = host.pm.execution && host.pm.execution.location;
  if (location && location.indexOf(FOLDERS.tokenErrors) === -1) {
    return skipRequest(host, `${host.pm.info.requestName}: not sent, ${folderCaseProblem(caseId)}`);
  }
  prepareTokenErrorsCase(host, caseId);
}

/**
 * Against the emulator (its signal seen in this run, sandbox/script/emulator.ts, and this request on loopback)
 * the folder runs the whole flow with valid bodies; against anything else, loopback included, every body is `{}`
 * and every read an unknown id (suites/api.ts). Decided at run time, never from an address alone.
 */
export function isEmulatorRequest(host: Host): boolean {
  // The URL is resolved (a replaceIn) only when the run is the emulator's at all.
  return isEmulatorRun(host) && isLoopbackUrl(resolvedRequestUrl(host));
}

function prepareApiCase(host: Host, c: ApiCase): void {
  const name = host.pm.info.requestName;
  if (c.product !== 'client') return authorizeApiCase(host, c);
  readApiKey(host, (apiKey) => {
    if (!apiKey) return skipRequest(host, skippedReason('no-api-key', name), { kind: 'skipped', why: 'no-api-key', request: name });
    authorizeApiCase(host, c);
  });
}

/**
 * A valid-token case gets its token first: the exchange may be the run's first answer of the token endpoint, which
 * says whether the emulator is there; what the request sends is decided after it.
 */
function authorizeApiCase(host: Host, c: ApiCase): void {
  const pm = host.pm;
  if (c.auth !== 'valid') return sendApiCase(host, c, true);
  applyAuthLayer(host, { apiKey: c.layerApiKey, testName: `${pm.info.requestName}: access token obtained` }, (result) => {
    if (result === 'own-auth' || result === 'other-origin') {
      fail(host, `${pm.info.requestName}: sent to a product API`, `the request's URL is not on ${ENV_VARIABLES.unicoApiUrl}, ${ENV_VARIABLES.clientApiUrl} or ${ENV_VARIABLES.signApiUrl}: check those variables`);
    }
    // Without a token the API's answer proves nothing about the API: report only why there is no token.
    sendApiCase(host, c, result === 'token');
  });
}

function sendApiCase(host: Host, c: ApiCase, judged: boolean): void {
  const pm = host.pm;
  const emulator = isEmulatorRequest(host);
  if (c.loopbackOnly && !emulator) return skipRequest(host, `${pm.info.requestName}: not sent, the emulator's control path exists only on the emulator (recognised by its signal, on loopback)`);
  setExpectation(host, judged ? { kind: 'api', expect: c.expect, subject: c.subject, savesIdIn: c.savesIdIn, mustSucceed: emulator && !!c.succeedsOnLoopback } : undefined);
  setVariable(host, RUN_VARIABLES.body, c.body ? requestBody(c.body, c.product, emulator) : '');
  setVariable(host, RUN_VARIABLES.subjectCode, documentsCode(emulator));
  // The sign host's documents are never created by the suite; a read without its create asks for an id that exists nowhere.
  setVariable(host, RUN_VARIABLES.signDocumentId, UNKNOWN_PROCESS_ID);
  if (c.readsIdFrom && !textVar(host, c.readsIdFrom)) pm.variables.set(c.readsIdFrom, UNKNOWN_PROCESS_ID);
}

export function runPrerequest(host: Host): void {
  const pm = host.pm;
  // Always reset, so no request inherits the previous request's token, case or failures.
  setVariable(host, RUN_VARIABLES.accessToken, '');
  const caseId = readCaseHeader(host);
  setVariable(host, RUN_VARIABLES.currentCase, caseId);
  setVariable(host, RUN_VARIABLES.pendingFailures, '');
  if (!caseId) {
    setExpectation(host, undefined);
    return applyAuthLayer(host, { apiKey: true, testName: LAYER_TEST_NAME });
  }
  // Each case sets its own expectation below (one mutation, not a reset and a set); a skipped request has no test script.
  if (isLocked(host)) {
    skipRequest(host, `${pm.info.requestName}: skipped, the account is locked (1.2.18)`);
    return;
  }
  const api = findApiCase(caseId);
  if (api) return prepareApiCase(host, api);
  // A token-endpoint request: the previous request's assertion is never sent again, only the one prepared for it.
  setVariable(host, RUN_VARIABLES.assertion, '');
  if (caseId === TOKEN_EXCHANGE_CASE.id) return prepareTokenExchange(host);
  negativeCaseInFolder(host, caseId);
}
