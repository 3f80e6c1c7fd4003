/**
 * The scripts' clock-skew, outage and long-lifetime handling with the hand-written `pm` (fake-pm.ts) and the
 * real signer: offsets learned from the token endpoint's Date header date the next assertions, one refused
 * exchange is retried on the server's clock, an outage records the unavailability signal once.
 */
import { ERROR_DESCRIPTION } from '../../../src/idcloud';
import { MAX_RATE_LIMIT_RETRIES } from '../../../src/idcloud/rate-limit';
import { exchangeAssertion } from '../../../src/sandbox/script/exchange';
import { clockOffset, learnClockOffset, uniqueAssertionTimes } from '../../../src/sandbox/script/times';
import { runTests } from '../../../src/sandbox/script/tests';
import { ENVIRONMENT_UNAVAILABLE_TEST, RUN_VARIABLES } from '../../../src/suites/variables';
import { fakeResponse, fakeRun } from './fake-pm';

const TOKEN_URL = 'http://127.0.0.1:8780/oauth2/token';
const refused = (headers: Record<string, string> = {}) => fakeResponse(401, { error: 'server_error', error_description: ERROR_DESCRIPTION.pt() }, headers);
const tokenOk = (headers: Record<string, string> = {}, expiresIn = 3600) => fakeResponse(200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: expiresIn }, headers);
const dateAt = (ms: number) => ({ Date: new Date(ms).toUTCString() });

describe('clock offset from the Date header', () => {
  test.each([-300, 300])('a server %i s off: learned once, one console line, assertions dated by its clock', (offset) => {
    const run = fakeRun();
    const serverNow = run.clock.now + offset * 1000;
    expect(learnClockOffset(run.host, tokenOk(dateAt(serverNow)))).toBe(true);
    expect(clockOffset(run.host)).toBe(offset);
    expect(learnClockOffset(run.host, tokenOk(dateAt(serverNow + 1000)))).toBe(false);
    expect(run.logs).toEqual([`IDCloud: the local clock is 300 s ${offset > 0 ? 'behind' : 'ahead of'} the token endpoint's (its Date header); assertions are dated by the server's clock`]);
    expect(uniqueAssertionTimes(run.host, () => 0).iat).toBe(Math.floor(serverNow / 1000));
  });
  test('a few seconds, a missing or unreadable Date: no offset, no line', () => {
    const run = fakeRun();
    for (const headers of [dateAt(run.clock.now + 4000), dateAt(run.clock.now - 5000), {}, { Date: 'yesterday' }]) {
      expect(learnClockOffset(run.host, tokenOk(headers))).toBe(false);
    }
    expect(clockOffset(run.host)).toBe(0);
    expect(run.logs).toEqual([]);
  });
  test('an exchange refused while the clocks disagree is retried once, on the server clock, and counted as invalid', () => {
    const run = fakeRun({ answers: [refused(dateAt(1_800_000_000_000 - 300_000)), tokenOk(dateAt(1_800_000_000_000 - 300_000))] });
    const iats: number[] = [];
    const outcomes: unknown[] = [];
    exchangeAssertion(run.host, TOKEN_URL, () => String(iats.push(uniqueAssertionTimes(run.host, () => 0).iat)), (o) => outcomes.push(o));
    expect(run.sent).toHaveLength(2);
    expect(iats).toEqual([1_800_000_000, 1_800_000_000 - 300]);
    expect(outcomes).toEqual([{ ok: true, accessToken: 'tok-1', expiresInSeconds: 3600, warning: undefined }]);
    expect(run.local.get(RUN_VARIABLES.invalidAttempts)).toBe('1');
  });
  test('only a refusal is retried on the server clock: not a 200 with a bad body, an exhausted 429 or the lockout; none counts an invalid attempt', () => {
    const skewed = dateAt(1_800_000_000_000 + 600_000);
    const locked = fakeResponse(401, { error: 'server_error', error_description: 'Conta bloqueada temporariamente (1.2.18)' }, skewed);
    const rateLimited = Array.from({ length: MAX_RATE_LIMIT_RETRIES + 1 }, () => fakeResponse(429, { error: 'rate_limited' }, skewed));
    for (const answers of [[fakeResponse(200, { token: 'none' }, skewed)], rateLimited, [locked]]) {
      const run = fakeRun({ answers: [...answers, tokenOk(skewed)] });
      const outcomes: { ok: boolean }[] = [];
      exchangeAssertion(run.host, TOKEN_URL, () => 'a', (o) => outcomes.push(o));
      expect(run.sent).toHaveLength(answers.length);
      expect(outcomes.map((o) => o.ok)).toEqual([false]);
      expect(run.local.get(RUN_VARIABLES.invalidAttempts)).toBeUndefined();
    }
  });
  test('a refusal with agreeing clocks is not retried', () => {
    const run = fakeRun({ answers: [refused(dateAt(1_800_000_000_000)), tokenOk()] });
    exchangeAssertion(run.host, TOKEN_URL, () => 'a', () => undefined);
    expect(run.sent).toHaveLength(1);
  });
  test('a refusal that persists on the server clock is reported, after exactly one retry', () => {
    const skewed = dateAt(1_800_000_000_000 + 600_000);
    const run = fakeRun({ answers: [refused(skewed), refused(skewed), tokenOk()] });
    const outcomes: { ok: boolean }[] = [];
    exchangeAssertion(run.host, TOKEN_URL, () => 'a', (o) => outcomes.push(o));
    expect(run.sent).toHaveLength(2);
    expect(outcomes.map((o) => o.ok)).toEqual([false]);
  });
  test('the visible exchange refused on a skewed clock runs again (no verdict); the retry is judged', () => {
    const skewed = dateAt(1_800_000_000_000 - 300_000);
    const expectation = JSON.stringify({ kind: 'token', cacheKey: 'k' });
    const vars = { [RUN_VARIABLES.currentCase]: 'token-exchange', [RUN_VARIABLES.expectation]: expectation };
    const run = fakeRun({ response: refused(skewed) });
    for (const [k, v] of Object.entries(vars)) run.local.set(k, v);
    runTests(run.host);
    expect(run.tests).toEqual([]);
    expect(run.nextRequest.value).toBe('request-id');
    expect(run.local.get(RUN_VARIABLES.invalidAttempts)).toBe('1');
    // The retried request, refused again with the same server clock, gets its verdict.
    run.pm.response = refused(skewed);
    run.nextRequest.value = undefined;
    for (const [k, v] of Object.entries(vars)) run.local.set(k, v);
    runTests(run.host);
    expect(run.nextRequest.value).toBeUndefined();
    expect(run.tests.map((t) => t.name)).toEqual(['status is 200']);
  });
});

describe('outage: the unavailability signal, once per run', () => {
  test('a 503 HTML page to valid exchanges: one signal test with the status, each caller told why', () => {
    const page = () => fakeResponse(503, '<html><body><h1>503 Service Unavailable</h1></body></html>');
    const run = fakeRun({ answers: [page(), page()] });
    const failures: string[] = [];
    for (let i = 0; i < 2; i++) exchangeAssertion(run.host, TOKEN_URL, () => 'a', (o) => !o.ok && failures.push(o.failure.text));
    const reason = 'token endpoint answered HTTP 503, not JSON: the environment is unavailable';
    expect(failures).toEqual([reason, reason]);
    expect(run.tests).toEqual([{ name: ENVIRONMENT_UNAVAILABLE_TEST, failure: reason }]);
    expect(run.signals).toEqual([{ kind: 'unavailable', reason }]);
  });
  test('the visible exchange answered 502 JSON: only the signal', () => {
    const run = fakeRun({ response: fakeResponse(502, { error: 'bad_gateway' }) });
    run.local.set(RUN_VARIABLES.currentCase, 'token-exchange');
    run.local.set(RUN_VARIABLES.expectation, JSON.stringify({ kind: 'token', cacheKey: 'k' }));
    runTests(run.host);
    expect(run.tests).toEqual([{ name: ENVIRONMENT_UNAVAILABLE_TEST, failure: 'token endpoint answered HTTP 502: the environment is unavailable' }]);
    expect(run.signals).toEqual([{ kind: 'unavailable', reason: 'token endpoint answered HTTP 502: the environment is unavailable' }]);
  });
});

describe('expires_in over 24 h', () => {
  test('passes, with one console warning; 7200 passes without one', () => {
    const run = fakeRun({ answers: [tokenOk({}, 90000), tokenOk({}, 7200)] });
    const outcomes: { ok: boolean }[] = [];
    exchangeAssertion(run.host, TOKEN_URL, () => 'a', (o) => outcomes.push(o));
    exchangeAssertion(run.host, TOKEN_URL, () => 'b', (o) => outcomes.push(o));
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(run.logs).toEqual(["IDCloud: the token endpoint answered expires_in 90000 (25 h, over 24 h): accepted, but check the company's token lifetime with Unico"]);
  });
});
