/**
 * The collection scripts' logic with a hand-written `pm` (test/sandbox/script/fake-pm.ts) and the real signer:
 * the token cache, 429 retries, invalid-attempt counting, lockout and dispatch.
 */
import { ERROR_DESCRIPTION } from '../../../src/idcloud';
import { MAX_RATE_LIMIT_RETRIES, retryDelayMs } from '../../../src/idcloud/rate-limit';
import { exchangeAssertion } from '../../../src/sandbox/script/exchange';
import { uniqueAssertionTimes } from '../../../src/sandbox/script/times';
import { assertionTimes, EXP_JITTER_SECONDS, EXP_LANES, expLane, NODE_SIGNER_LANE } from '../../../src/idcloud/claims';
import { takeExpLane } from '../../../src/runner/exp-lanes';
import { runPrerequest } from '../../../src/sandbox/script/prerequest';
import { otherEnvironmentAud } from '../../../src/sandbox/script/settings';
import { runTests } from '../../../src/sandbox/script/tests';
import { MISSING_API_KEY, MISSING_PRIVATE_KEY } from '../../../src/sandbox/script/secrets';
import { cacheEntry, cacheKey, getAccessToken, isUsable, refreshMarginMs } from '../../../src/sandbox/script/token-cache';
import { API_CASES, UNKNOWN_PROCESS_ID } from '../../../src/suites/api';
import { negativeCaseDoc } from '../../../src/suites/case-docs';
import { explainCodeNotes } from '../../../src/suites/explain';
import { CASE_HEADER, INJECTED_VARIABLES, RUN_VARIABLES, TOKEN_CACHE_VARIABLE } from '../../../src/suites/variables';
import { createPrivateKey, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { testKeyPair, TEST_ISS } from '../../helpers/keys';
import { fakeResponse, fakeRun, preRequestChain, type FakeRun } from './fake-pm';

/** A `Token errors` request's pre-request script: the collection's, which builds the negative cases in that folder. */
const TOKEN_ERRORS_LOCATION = ['IDCloud', 'Token errors', 'the request'];
function tokenErrorsRequest(run: FakeRun): void {
  preRequestChain(run, runPrerequest);
}

const keys = testKeyPair();
const URL = 'http://127.0.0.1:8780';
const ENV = { identity_url: `${URL}/`, unico_api_url: URL, client_api_url: URL, sign_api_url: URL, iss: TEST_ISS, private_key: keys.pkcs1Pem, api_key: '', max_invalid_attempts: '20' };
const TOKEN_OK = (expiresIn = 3600) => fakeResponse(200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: expiresIn });
const error = (code: string, status = 401) => fakeResponse(status, { error: 'server_error', error_description: ERROR_DESCRIPTION.pt(code) });

describe('token cache decisions', () => {
  test('refresh margin: 60 s for long lifetimes, 10% for short ones, plus 1 s for whole-second exp', () => {
    expect(refreshMarginMs(3600_000)).toBe(61_000);
    expect(refreshMarginMs(3_000)).toBe(1_300);
  });
  test('a token is used until the margin, and only for its identity URL + iss', () => {
    const key = cacheKey(URL, TEST_ISS);
    const entry = cacheEntry(key, 't', 3600, 0);
    expect(isUsable(entry, key, 3539_000 - 1)).toBe(true);
    expect(isUsable(entry, key, 3539_000)).toBe(false);
    expect(isUsable(entry, cacheKey('https://identity.acesso.io', TEST_ISS), 0)).toBe(false);
    expect(isUsable(entry, cacheKey(URL, 'other@x.iam.acesso.io'), 0)).toBe(false);
  });
  test('getAccessToken exchanges once, stores in the environment, then serves from cache', () => {
    const run = fakeRun({ environment: ENV, answers: [TOKEN_OK()] });
    const key = cacheKey(URL, TEST_ISS);
    const results: unknown[] = [];
    getAccessToken(run.host, key, `${URL}/oauth2/token`, () => 'assertion-1', (r) => results.push(r));
    getAccessToken(run.host, key, `${URL}/oauth2/token`, () => 'assertion-2', (r) => results.push(r));
    expect(results).toEqual([
      { ok: true, accessToken: 'tok-1', fromCache: false },
      { ok: true, accessToken: 'tok-1', fromCache: true },
    ]);
    expect(run.sent).toHaveLength(1);
    expect(JSON.parse(String(run.environment.get(TOKEN_CACHE_VARIABLE)))).toMatchObject({ key, accessToken: 'tok-1', expiresAt: run.clock.now + 3600_000 });
    expect(run.collectionVariables.has(TOKEN_CACHE_VARIABLE)).toBe(false);
  });
  test('the expiry comes from expires_in: a 3 s token is re-exchanged after 1.7 s', () => {
    const run = fakeRun({ environment: ENV, answers: [TOKEN_OK(3), fakeResponse(200, { access_token: 'tok-2', expires_in: 3 })] });
    const key = cacheKey(URL, TEST_ISS);
    const tokens: string[] = [];
    const get = () => getAccessToken(run.host, key, `${URL}/oauth2/token`, () => 'a', (r) => r.ok && tokens.push(r.accessToken));
    get();
    run.clock.now += 1_699;
    get();
    run.clock.now += 1;
    get();
    expect(tokens).toEqual(['tok-1', 'tok-1', 'tok-2']);
  });
  test('a rejected exchange is not repeated in the same run (each would be another invalid attempt); 5xx is', () => {
    const run = fakeRun({ environment: ENV, answers: [error('1.2.6'), fakeResponse(503, 'down'), TOKEN_OK()] });
    const messages: string[] = [];
    const get = (key: string) => getAccessToken(run.host, key, `${URL}/oauth2/token`, () => 'a', (r) => messages.push(r.ok ? r.accessToken : r.failure.text));
    get('k1');
    get('k1');
    expect(run.sent).toHaveLength(1);
    expect(messages[1]).toBe(`${messages[0]} (not retried in this run: each failed exchange is another invalid attempt)`);
    get('k2');
    get('k2');
    expect(run.sent).toHaveLength(3);
    expect(messages.slice(2)).toEqual(['token endpoint answered HTTP 503, not JSON: the environment is unavailable', 'tok-1']);
  });
  test('without an active environment the cache lives in collection variables', () => {
    const run = fakeRun({ answers: [TOKEN_OK()] });
    run.collectionVariables.set('identity_url', URL);
    getAccessToken(run.host, 'k', `${URL}/oauth2/token`, () => 'a', () => undefined);
    expect(run.collectionVariables.has(TOKEN_CACHE_VARIABLE)).toBe(true);
    expect(run.environment.has(TOKEN_CACHE_VARIABLE)).toBe(false);
  });
});

describe('exchange', () => {
  test('429: waits Retry-After, signs a fresh assertion for each retry, and is bounded', () => {
    const limited = fakeResponse(429, { error: 'rate_limited' }, { 'Retry-After': '2' });
    const run = fakeRun({ environment: ENV, answers: Array(MAX_RATE_LIMIT_RETRIES + 1).fill(limited) });
    let signed = 0;
    const outcomes: unknown[] = [];
    exchangeAssertion(run.host, `${URL}/oauth2/token`, () => `assertion-${++signed}`, (o) => outcomes.push(o));
    expect(run.sent.map((r) => r.body.urlencoded[1].value)).toEqual(['assertion-1', 'assertion-2', 'assertion-3', 'assertion-4', 'assertion-5', 'assertion-6']);
    expect(run.waits[0]).toBe(2000);
    expect(outcomes).toEqual([{ ok: false, status: 429, locked: false, failure: { text: 'token endpoint answered 429 without a Unico error code' } }]);
  });
  test('a retry after 429 that succeeds gives the token', () => {
    const run = fakeRun({ environment: ENV, answers: [fakeResponse(429, {}, {}), TOKEN_OK()] });
    const outcomes: unknown[] = [];
    exchangeAssertion(run.host, `${URL}/oauth2/token`, () => 'a', (o) => outcomes.push(o));
    expect(outcomes).toEqual([{ ok: true, accessToken: 'tok-1', expiresInSeconds: 3600 }]);
    expect(run.waits).toEqual([retryDelayMs(undefined, 0)]);
  });
  test('a failure names the code, cause and remedy and never the assertion', () => {
    const run = fakeRun({ environment: ENV, answers: [error('1.2.5')] });
    const outcomes: { failure?: { text: string; unicoCode?: string } }[] = [];
    exchangeAssertion(run.host, `${URL}/oauth2/token`, () => 'SECRET-ASSERTION', (o) => outcomes.push(o as never));
    // The pre-request carries no error table: the code is handed over, and explained where it becomes a test result.
    expect(outcomes[0].failure?.unicoCode).toBe('1.2.5');
    expect(outcomes[0].failure?.text).not.toContain('cannot be validated');
    expect(explainCodeNotes(outcomes[0].failure!.text)).toBe('token endpoint answered 401 with 1.2.5 (the JWT cannot be validated / was not signed correctly; check that the private key belongs to this service account)');
    expect(JSON.stringify(outcomes)).not.toContain('SECRET-ASSERTION');
  });
  test('retryDelayMs: Retry-After seconds, else exponential backoff, capped', () => {
    expect(retryDelayMs('1', 0)).toBe(1000);
    expect(retryDelayMs(undefined, 3)).toBe(2000 + 150);
    expect(retryDelayMs('3600', 0)).toBe(10_000);
  });
});

describe('unique assertion times', () => {
  test('iat is now, never back-dated; exp - iat in (2700, 3600]; the same draw in the same second moves exp on', () => {
    const run = fakeRun();
    const now = run.clock.now + 400;
    const second = Math.floor(now / 1000);
    const sameDraw = () => 0.5; // offset 450
    const at = <T>(ms: number, fn: () => T): T => {
      run.clock.now = ms;
      return fn();
    };
    const times = [at(now, () => uniqueAssertionTimes(run.host, sameDraw)), at(now, () => uniqueAssertionTimes(run.host, sameDraw)), at(now + 1000, () => uniqueAssertionTimes(run.host, sameDraw))];
    expect(times).toEqual([
      { iat: second, exp: second + 3600 - 450 },
      { iat: second, exp: second + 3600 - 451 },
      { iat: second + 1, exp: second + 1 + 3600 - 450 },
    ]);
  });
  test('with Math.random: 60 assertions in one second are all distinct and within the rule', () => {
    const run = fakeRun();
    const now = run.clock.now;
    const pairs = Array.from({ length: 60 }, () => uniqueAssertionTimes(run.host));
    expect(new Set(pairs.map((t) => t.exp)).size).toBe(pairs.length);
    for (const t of pairs) {
      expect(t.iat).toBe(Math.floor(now / 1000));
      expect(t.exp - t.iat).toBeGreaterThan(2700);
      expect(t.exp - t.iat).toBeLessThanOrEqual(3600);
    }
  });
  test('runs in different exp lanes never sign the same exp in one second, whatever they draw (the concurrent-runs collision, made impossible)', () => {
    const nowMs = Date.UTC(2026, 11, 3, 12, 0, 0, 250);
    // Every exp each lane can sign in this second, over every draw.
    const expsOf = (lane: number) => new Set(Array.from({ length: EXP_JITTER_SECONDS }, (_, draw) => assertionTimes(nowMs, draw, undefined, lane).exp));
    const lanes = Array.from({ length: EXP_LANES }, (_, lane) => expsOf(lane));
    for (const exps of lanes) expect(exps.size).toBe(EXP_JITTER_SECONDS / EXP_LANES);
    // Pairwise disjoint: together they are exactly the 900 exps a run without a lane may sign.
    const all = new Set(lanes.flatMap((exps) => [...exps]));
    expect(all.size).toBe(EXP_JITTER_SECONDS);
    expect(all).toEqual(new Set(Array.from({ length: EXP_JITTER_SECONDS }, (_, draw) => assertionTimes(nowMs, draw).exp)));
  });
  test('a run given a lane (idcloud_exp_lane) signs only in it, distinct pairs within a second; a lane has 90', () => {
    const run = fakeRun({ environment: { [INJECTED_VARIABLES.expLane]: '7' } });
    const pairs = Array.from({ length: 60 }, () => uniqueAssertionTimes(run.host));
    expect(new Set(pairs.map((t) => t.exp)).size).toBe(pairs.length);
    for (const t of pairs) expect((3600 - (t.exp - t.iat)) % EXP_LANES).toBe(7);
    // The pure rule, asked with every offset of the lane used, has nothing left.
    expect(() => assertionTimes(run.clock.now, 0, () => true, 7)).toThrow(/more than 90 assertions signed in one second/);
    // Not a lane (out of range, not a whole number): the offset is drawn from all of them.
    expect([expLane('10'), expLane('-1'), expLane('1.5'), expLane(''), expLane(undefined), expLane('3')]).toEqual([undefined, undefined, undefined, undefined, undefined, 3]);
  });
  test('the runner gives runs side by side distinct lanes and takes them back, never the Node signer\'s (src/runner/exp-lanes.ts)', () => {
    const held = Array.from({ length: EXP_LANES - 1 }, () => takeExpLane());
    const runLanes = Array.from({ length: EXP_LANES }, (_, i) => i).filter((i) => i !== NODE_SIGNER_LANE);
    expect(held.map((l) => l.lane).sort((x, y) => x! - y!)).toEqual(runLanes);
    const extra = takeExpLane();
    expect(extra.lane).toBeUndefined();
    held[3].release();
    held[3].release();
    const again = takeExpLane();
    expect(again.lane).toBe(held[3].lane);
    for (const l of [...held, extra, again]) l.release();
    expect(takeExpLane().lane).toBe(runLanes[0]);
  });
  test('two requests in the same second never send the same assertion', () => {
    const run = fakeRun({ environment: ENV, headers: { [CASE_HEADER]: 'grant-type-wrong' } });
    tokenErrorsRequest(run);
    const first = run.local.get(RUN_VARIABLES.assertion);
    run.requestHeaders.set(CASE_HEADER, 'json-body');
    tokenErrorsRequest(run);
    expect(run.local.get(RUN_VARIABLES.assertion)).not.toBe(first);
  });
});

describe('settings', () => {
  test("the other environment's aud", () => {
    expect(otherEnvironmentAud('https://identity.acesso.io')).toBe('https://identityhomolog.acesso.io');
    expect(otherEnvironmentAud('https://identityhomolog.acesso.io')).toBe('https://identity.acesso.io');
    expect(otherEnvironmentAud(URL)).toBe('https://identity.acesso.io');
  });
});

describe('pre-request dispatch', () => {
  test('the case header is removed, the case and expectation kept for the test script; aud has no trailing slash', () => {
    const run = fakeRun({ environment: ENV, headers: { [CASE_HEADER]: 'token-exchange' } });
    runPrerequest(run.host);
    expect(run.requestHeaders.has(CASE_HEADER)).toBe(false);
    expect(run.local.get(RUN_VARIABLES.currentCase)).toBe('token-exchange');
    expect(JSON.parse(String(run.local.get(RUN_VARIABLES.expectation)))).toEqual({ kind: 'token', cacheKey: cacheKey(URL, TEST_ISS), origin: 'http://127.0.0.1:8780' });
    const assertion = String(run.local.get(RUN_VARIABLES.assertion));
    const claims = JSON.parse(Buffer.from(assertion.split('.')[1], 'base64url').toString());
    expect(claims.aud).toBe(URL);
    expect(run.tests).toEqual([]);
  });
  test('a request without the header is left alone and clears the previous case', () => {
    const run = fakeRun({ environment: ENV });
    run.local.set(RUN_VARIABLES.currentCase, 'exp-expired');
    runPrerequest(run.host);
    expect(run.local.get(RUN_VARIABLES.currentCase)).toBe('');
    expect(run.sent).toEqual([]);
  });
  test('an empty private_key fails with the variable to fill, never sending', () => {
    const run = fakeRun({ environment: { ...ENV, private_key: '' }, headers: { [CASE_HEADER]: 'token-exchange' } });
    runPrerequest(run.host);
    expect(run.tests).toEqual([{ name: 'assertion signed', failure: MISSING_PRIVATE_KEY }]);
  });
  test('a key that is not a PEM fails without echoing it', () => {
    const run = fakeRun({ environment: { ...ENV, private_key: 'SECRET-NOT-A-KEY' }, headers: { [CASE_HEADER]: 'token-exchange' } });
    runPrerequest(run.host);
    expect(run.tests[0].failure).toMatch(/^private_key: the private key is not PEM text/);
    expect(JSON.stringify(run.tests)).not.toContain('SECRET-NOT-A-KEY');
  });
  test('by-Client requests are skipped while api_key is empty', () => {
    const run = fakeRun({ environment: ENV, headers: { [CASE_HEADER]: 'api-CreateClientProcess-valid' } });
    run.pm.info.requestName = 'By Client: create with a valid token';
    runPrerequest(run.host);
    expect(run.skipped.value).toBe(true);
    expect(run.tests).toEqual([{ name: `By Client: create with a valid token: skipped, ${MISSING_API_KEY}`, skipped: true }]);
  });
  test('API requests get the cached token as Bearer', () => {
    const run = fakeRun({ environment: { ...ENV, api_key: 'k' }, headers: { [CASE_HEADER]: 'api-GetClientProcess-valid' }, answers: [TOKEN_OK()] });
    runPrerequest(run.host);
    expect(run.local.get(RUN_VARIABLES.accessToken)).toBe('tok-1');
  });
});

describe('failures that name a Unico code', () => {
  test('a failed token exchange for an API request is recorded by the test script, with cause and remedy', () => {
    const run = fakeRun({ environment: ENV, headers: { [CASE_HEADER]: 'api-CreateProcess-valid' }, answers: [error('1.2.6')] });
    run.pm.info.requestName = 'By Unico: create with a valid token';
    runPrerequest(run.host);
    expect(run.tests).toEqual([]);
    run.pm.response = fakeResponse(401, { error: { code: 'token_invalid' } });
    runTests(run.host);
    expect(run.tests).toContainEqual({
      name: 'By Unico: create with a valid token: access token obtained',
      failure: 'token endpoint answered 401 with 1.2.6 (the signing key is no longer accepted (revoked); request new credentials from Unico)',
    });
    expect(run.local.get(RUN_VARIABLES.pendingFailures)).toBe('');
  });
  test("a request of the user's own never inherits pending failures", () => {
    const run = fakeRun({ environment: ENV });
    run.local.set(RUN_VARIABLES.pendingFailures, JSON.stringify([['x', 'answered 401 with \u00ab1.2.6\u00bb']]));
    runPrerequest(run.host);
    runTests(run.host);
    expect(run.tests).toEqual([]);
  });
});

describe('API reads read what the create made', () => {
  const create = API_CASES.find((c) => c.id === 'api-CreateProcess-valid')!;
  const read = API_CASES.find((c) => c.id === 'api-GetProcess-valid')!;
  test('the read path takes its id from the run variable the create fills', () => {
    expect(read.path).toBe(`/client/v1/process/{{${create.savesIdIn}}}`);
    expect(read.readsIdFrom).toBe(create.savesIdIn);
  });
  test("a 200 create keeps the answer's id; the read then uses it", () => {
    const run = fakeRun({ environment: { ...ENV }, headers: { [CASE_HEADER]: 'token-exchange' } });
    runPrerequest(run.host);
    run.pm.response = TOKEN_OK();
    runTests(run.host);
    run.requestHeaders.set(CASE_HEADER, create.id);
    runPrerequest(run.host);
    run.pm.response = fakeResponse(200, { id: 'a1b2c3d4-0000-4000-8000-00000000abcd', status: 'created' });
    runTests(run.host);
    expect(run.local.get(create.savesIdIn!)).toBe('a1b2c3d4-0000-4000-8000-00000000abcd');
    run.requestHeaders.set(CASE_HEADER, read.id);
    runPrerequest(run.host);
    expect(run.local.get(read.readsIdFrom!)).toBe('a1b2c3d4-0000-4000-8000-00000000abcd');
  });
  test('without a create (or with an id that is not a plain token) the read falls back to the fixed id', () => {
    const run = fakeRun({ environment: ENV, headers: { [CASE_HEADER]: create.id }, answers: [TOKEN_OK()] });
    runPrerequest(run.host);
    run.pm.response = fakeResponse(200, { id: '../../admin?x=1' });
    runTests(run.host);
    expect(run.local.get(create.savesIdIn!)).toBeUndefined();
    run.requestHeaders.set(CASE_HEADER, read.id);
    runPrerequest(run.host);
    expect(run.local.get(read.readsIdFrom!)).toBe(UNKNOWN_PROCESS_ID);
  });
});

describe('"Signed by another key"', () => {
  const decode = (jws: string) => ({ input: jws.slice(0, jws.lastIndexOf('.')), signature: Buffer.from(jws.slice(jws.lastIndexOf('.') + 1), 'base64url') });
  const verifies = (jws: string, publicKey: ReturnType<typeof createPublicKey>) => verify('RSA-SHA256', Buffer.from(decode(jws).input), publicKey, decode(jws).signature);
  function otherKeyAssertion(extra: Record<string, string>): string {
    const run = fakeRun({ environment: { ...ENV, ...extra }, headers: { [CASE_HEADER]: 'signature-other-key' } });
    run.pm.info.requestName = negativeCaseDoc('signature-other-key').name;
    tokenErrorsRequest(run);
    return String(run.local.get(RUN_VARIABLES.assertion));
  }
  test('signs with the injected key when idcloud_other_private_key is set', () => {
    const injected = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jws = otherKeyAssertion({ [INJECTED_VARIABLES.otherPrivateKey]: injected.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string });
    expect(verifies(jws, injected.publicKey)).toBe(true);
    expect(verifies(jws, createPublicKey(createPrivateKey(keys.pkcs1Pem)))).toBe(false);
  });
  test('without it (Postman app, plain Newman) generates a key: the signature verifies with neither; the run keeps that key for its next case', () => {
    const injected = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const run = fakeRun({ environment: ENV, headers: { [CASE_HEADER]: 'signature-other-key' } });
    run.pm.info.requestName = negativeCaseDoc('signature-other-key').name;
    tokenErrorsRequest(run);
    const jws = String(run.local.get(RUN_VARIABLES.assertion));
    expect(jws.split('.')).toHaveLength(3);
    expect(verifies(jws, injected.publicKey)).toBe(false);
    expect(verifies(jws, createPublicKey(createPrivateKey(keys.pkcs1Pem)))).toBe(false);
    // The generated key, kept as a local variable of the run: it is the key that signed.
    const kept = String(run.local.get(INJECTED_VARIABLES.otherPrivateKey));
    expect(kept).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(verifies(jws, createPublicKey(createPrivateKey(kept)))).toBe(true);
    // The next case of the same run that signs with another key signs with that one (no second key generated).
    run.requestHeaders.set(CASE_HEADER, 'signature-other-key');
    tokenErrorsRequest(run);
    expect(verifies(String(run.local.get(RUN_VARIABLES.assertion)), createPublicKey(createPrivateKey(kept)))).toBe(true);
    expect(run.local.get(INJECTED_VARIABLES.otherPrivateKey)).toBe(kept);
  });
});

describe('invalid attempts, retries and lockout', () => {
  function negative(run: ReturnType<typeof fakeRun>, id: string): void {
    run.requestHeaders.set(CASE_HEADER, id);
    run.pm.info.requestName = negativeCaseDoc(id).name;
    tokenErrorsRequest(run);
  }
  test('each Token errors request counts one attempt; beyond max_invalid_attempts they are skipped', () => {
    const run = fakeRun({ environment: { ...ENV, max_invalid_attempts: '2' } });
    negative(run, 'exp-expired');
    negative(run, 'scope-missing');
    expect(run.skipped.value).toBe(false);
    negative(run, 'extra-claim');
    expect(run.local.get(RUN_VARIABLES.invalidAttempts)).toBe('2');
    expect(run.skipped.value).toBe(true);
    expect(run.tests.at(-1)).toEqual({ name: 'Extra claim (1.2.22): skipped, max_invalid_attempts (2) reached; raise it to send more invalid attempts', skipped: true });
  });
  test('a 429 on a visible token request runs it again after Retry-After without counting another attempt', () => {
    const run = fakeRun({ environment: ENV });
    negative(run, 'exp-expired');
    run.pm.response = fakeResponse(429, {}, { 'Retry-After': '1' });
    runTests(run.host);
    expect(run.nextRequest.value).toBe('request-id');
    expect(run.waits).toEqual([1000]);
    expect(run.tests).toEqual([]);
    negative(run, 'exp-expired');
    expect(run.local.get(RUN_VARIABLES.invalidAttempts)).toBe('1');
    run.pm.response = error('1.2.4');
    runTests(run.host);
    expect(run.tests.every((t) => !t.failure)).toBe(true);
    expect(run.local.get(RUN_VARIABLES.retry)).toBe('');
  });
  test('the first 1.2.18 stops the run with a failing test, and later requests are skipped', () => {
    const run = fakeRun({ environment: ENV });
    negative(run, 'exp-expired');
    run.pm.response = error('1.2.18');
    runTests(run.host);
    expect(run.nextRequest.value).toBeNull();
    expect(run.tests).toEqual([{ name: 'account locked (1.2.18): stopping', failure: expect.stringMatching(/^account locked \(1\.2\.18\): stopping: 1\.2\.18 \(the account is temporarily locked/) }]);
    negative(run, 'scope-missing');
    expect(run.skipped.value).toBe(true);
  });
  test('the visible exchange seeds the cache the API requests use', () => {
    const run = fakeRun({ environment: ENV, headers: { [CASE_HEADER]: 'token-exchange' } });
    runPrerequest(run.host);
    run.pm.response = TOKEN_OK();
    runTests(run.host);
    expect(run.tests.filter((t) => t.failure)).toEqual([]);
    expect(run.local.get(RUN_VARIABLES.assertion)).toBe('');
    run.requestHeaders.set(CASE_HEADER, 'api-GetProcess-valid');
    runPrerequest(run.host);
    expect(run.sent).toEqual([]);
    expect(run.local.get(RUN_VARIABLES.accessToken)).toBe('tok-1');
  });
});

describe('negative cases are built for the Token errors folder\'s requests only', () => {
  test('in the folder, the collection-level script builds the case once and counts the attempt once', () => {
    const run = fakeRun({ environment: ENV, headers: { [CASE_HEADER]: 'exp-expired' }, location: TOKEN_ERRORS_LOCATION });
    run.local.set(RUN_VARIABLES.assertion, 'previous-assertion');
    runPrerequest(run.host);
    expect(run.skipped.value).toBe(false);
    expect(run.local.get(RUN_VARIABLES.assertion)).not.toBe('previous-assertion');
    expect(String(run.local.get(RUN_VARIABLES.assertion)).split('.')).toHaveLength(3);
    expect(JSON.parse(String(run.local.get(RUN_VARIABLES.expectation)))).toMatchObject({ kind: 'rejection', statuses: [401] });
    expect(run.local.get(RUN_VARIABLES.invalidAttempts)).toBe('1');
  });
  test('a Token errors request copied into another folder is not sent, and says where it belongs', () => {
    const run = fakeRun({ environment: ENV, headers: { [CASE_HEADER]: 'exp-expired' }, location: ['IDCloud', 'My requests', 'Expired (1.2.4)'] });
    run.pm.info.requestName = 'Expired (1.2.4)';
    tokenErrorsRequest(run);
    expect(run.skipped.value).toBe(true);
    expect(run.local.get(RUN_VARIABLES.assertion)).toBe('');
    expect(run.tests).toEqual([{ name: expect.stringMatching(/^Expired \(1\.2\.4\): not sent, no script of this collection prepares case "exp-expired" \(X-IdCloud-Case\) here: .*only for the requests in the "Token errors" folder.*regenerate the collection$/), skipped: true }]);
  });
  test('a runtime that cannot say where the request is (no pm.execution.location) still gets the case built, never an unsigned request', () => {
    const run = fakeRun({ environment: ENV, headers: { [CASE_HEADER]: 'exp-expired' } });
    run.pm.info.requestName = 'Expired (1.2.4)';
    runPrerequest(run.host);
    expect(run.skipped.value).toBe(false);
    expect(run.local.get(RUN_VARIABLES.assertion)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });
  test('a case id no script knows fails the same way instead of being sent as it is', () => {
    const run = fakeRun({ environment: ENV, headers: { [CASE_HEADER]: 'no-such-case' }, location: TOKEN_ERRORS_LOCATION });
    tokenErrorsRequest(run);
    run.pm.response = fakeResponse(400, { error: 'invalid_request' });
    runTests(run.host);
    expect(run.tests).toEqual([{ name: 'the request: prepared', failure: expect.stringContaining('"no-such-case"') }]);
  });
});
