/** Judging answers: the failure messages say what the server did instead and name the broken rule. */
import { explainCodeNotes } from '../../src/suites/explain';
import { ERROR_DESCRIPTION, findUnicoCode, isLockout } from '../../src/idcloud';
import { NEGATIVE_CASES } from '../../src/suites/cases';
import { API_CASES } from '../../src/suites/api';
import { ENVIRONMENT_UNAVAILABLE_TEST } from '../../src/suites/variables';
import {
  codeNote,
  createdId,
  describeExchangeFailure,
  describeExpectation,
  judgeApiResponse,
  judgeRejection,
  judgeTokenResponse,
  RejectionExpectation,
} from '../../src/suites/outcome';

const expired = NEGATIVE_CASES.find((c) => c.id === 'exp-expired')!;
const EXPIRED: RejectionExpectation = { ...expired.expect, subject: expired.subject };
const SIGNATURE = NEGATIVE_CASES.find((c) => c.id === 'signature-tampered')!;
const body = (code?: string, lang: 'pt' | 'en' = 'pt') => JSON.stringify({ error: 'server_error', error_description: ERROR_DESCRIPTION[lang](code) });

const jsonBody = NEGATIVE_CASES.find((c) => c.id === 'json-body')!;
const JSON_BODY: RejectionExpectation = { ...jsonBody.expect, subject: jsonBody.subject };

describe('judgeRejection', () => {
  test('a malformed request counts as rejected by any 4xx but 429, with an OAuth error body', () => {
    for (const status of [400, 401, 415, 422]) {
      const checks = judgeRejection(JSON_BODY, status, '{"error":"invalid_request"}');
      expect(checks.map((c) => c.failure)).toEqual([undefined, undefined]);
    }
    expect(judgeRejection(JSON_BODY, 200, '{}')[0].failure).toBe('expected a 4xx, got 200: the server accepted a JSON body instead of a form');
    expect(judgeRejection(JSON_BODY, 429, '{}')[0].failure).toMatch(/^expected a 4xx, got 429: the server did not reject/);
    expect(judgeRejection(JSON_BODY, 500, 'oops')[0].failure).toMatch(/^expected a 4xx, got 500/);
    expect(judgeRejection(JSON_BODY, 400, 'not json')[1].failure).toMatch(/the error body is not an OAuth error$/);
  });
  test('a 200 to an expired assertion names the broken rule in one sentence', () => {
    const checks = judgeRejection(EXPIRED, 200, '{"access_token":"x"}');
    expect(checks).toEqual([{ name: 'rejected with 401 with 1.2.4', failure: 'expected 401 with 1.2.4, got 200: the server accepted an expired assertion' }]);
  });
  test('the right status and code pass, in Portuguese and in English', () => {
    for (const lang of ['pt', 'en'] as const) {
      const checks = judgeRejection(EXPIRED, 401, body('1.2.4', lang));
      expect(checks.map((c) => c.failure)).toEqual([undefined, undefined, undefined]);
    }
  });
  test('a missing code fails only the code check', () => {
    const checks = judgeRejection(EXPIRED, 401, body());
    expect(checks.filter((c) => c.failure).map((c) => c.failure)).toEqual(['expected 401 with 1.2.4, got 401 without a code: error_description names no Unico error code']);
  });
  test('a wrong code fails with the code the server gave', () => {
    const [, , code] = judgeRejection(EXPIRED, 401, body('1.2.5'));
    expect(code.failure).toBe('expected 401 with 1.2.4, got 401 with 1.2.5: the code does not name the cause (an expired assertion)');
  });
  test('either bad-signature code passes', () => {
    const expectation = { ...SIGNATURE.expect, subject: SIGNATURE.subject };
    expect(describeExpectation(expectation)).toBe('401 with 1.2.5 or 1.2.21');
    for (const code of ['1.2.5', '1.2.21']) expect(judgeRejection(expectation, 401, body(code)).every((c) => !c.failure)).toBe(true);
  });
  test('a body without Unico shape fails the shape check', () => {
    const [, shape] = judgeRejection(EXPIRED, 401, 'Unauthorized');
    expect(shape.failure).toMatch(/^expected a JSON body \{"error": string, "error_description": string\}, got no JSON/);
  });
  test('an unexpected error status says the server did not reject as documented', () => {
    expect(judgeRejection(EXPIRED, 400, body())[0].failure).toBe('expected 401 with 1.2.4, got 400: the server did not reject an expired assertion as documented');
  });
  test('a case whose code is optional passes an uncoded 401 and fails a wrong code', () => {
    const missing = NEGATIVE_CASES.find((c) => c.id === 'exp-missing')!;
    const expectation: RejectionExpectation = { ...missing.expect, subject: missing.subject };
    expect(describeExpectation(missing.expect)).toBe('401 with 1.2.20 or 1.2.21, or without a code');
    expect(judgeRejection(expectation, 401, body()).filter((c) => c.failure)).toEqual([]);
    expect(judgeRejection(expectation, 401, body('1.2.20')).filter((c) => c.failure)).toEqual([]);
    expect(judgeRejection(expectation, 401, body('1.2.4'))[2]).toEqual({
      name: 'error_description names 1.2.20 or 1.2.21 or no code',
      failure: 'expected 401 with 1.2.20 or 1.2.21, or without a code, got 401 with 1.2.4: the code does not name the cause (an assertion without exp)',
    });
  });
  test('a 5xx to an invalid assertion is a finding: the server failed on it', () => {
    expect(judgeRejection(EXPIRED, 500, body())[0].failure).toBe('expected 401 with 1.2.4, got 500: the server failed on an expired assertion (HTTP 500)');
    expect(judgeRejection(EXPIRED, 503, '<html>down</html>')[0].failure).toBe('expected 401 with 1.2.4, got 503: the server failed on an expired assertion (HTTP 503)');
  });
});

describe('codes and lockout', () => {
  test('findUnicoCode finds the code whatever the language, and nothing in other fields of a JSON body', () => {
    expect(findUnicoCode(body('1.2.22', 'pt'))).toBe('1.2.22');
    expect(findUnicoCode(body('1.0.1', 'en'))).toBe('1.0.1');
    expect(findUnicoCode(JSON.stringify({ error: '1.2.4' }))).toBeUndefined();
    expect(findUnicoCode(JSON.stringify({ error: { code: '20900', description: 'Falha 1.2.11' } }))).toBe('1.2.11');
    expect(findUnicoCode('<html>Falha 1.2.5</html>')).toBe('1.2.5');
  });
  test('isLockout only for 1.2.18', () => {
    expect(isLockout(body('1.2.18'))).toBe(true);
    expect(isLockout(body('1.2.4'))).toBe(false);
    expect(isLockout('not json')).toBe(false);
  });
  test('describeExchangeFailure explains the code with cause and remedy', () => {
    expect(explainCodeNotes(describeExchangeFailure(401, body('1.2.5')).text)).toBe(
      'token endpoint answered 401 with 1.2.5 (the JWT cannot be validated / was not signed correctly; check that the private key belongs to this service account)',
    );
    expect(describeExchangeFailure(502, 'bad gateway')).toEqual({ text: 'token endpoint answered 502 without a Unico error code' });
    // An uncoded 401 points at the documented uncoded causes, the most common first.
    expect(describeExchangeFailure(401, body(undefined, 'en')).text).toMatch(/^token endpoint answered 401 without a Unico error code \(most often the key and iss belong to the other environment \(UAT vs production\)/);
  });
});

describe('code notes', () => {
  test('a message names the code; only explainCodeNotes (the test script) adds cause and remedy', () => {
    const note = describeExchangeFailure(401, body('1.2.7'));
    expect(note).toEqual({ text: `token endpoint answered 401 with ${codeNote('1.2.7')}`, unicoCode: '1.2.7' });
    expect(explainCodeNotes(note.text)).toBe('token endpoint answered 401 with 1.2.7 (the JWT was already used (replay); sign a fresh assertion for every exchange)');
    expect(explainCodeNotes(`x ${codeNote('9.9.9')}`)).toBe('x 9.9.9');
  });
});

describe('judgeTokenResponse', () => {
  const ok = (over: object) => JSON.stringify({ access_token: 'a.b.c', token_type: 'Bearer', expires_in: 3600, ...over });
  test('a good response passes every check', () => {
    const checks = judgeTokenResponse(200, ok({}));
    expect(checks.map((c) => c.name)).toEqual(['status is 200', 'body is JSON', 'token_type is Bearer', 'access_token is a non-empty string', 'expires_in is a positive whole number of seconds']);
    expect(checks.every((c) => !c.failure)).toBe(true);
  });
  test.each([
    [{ token_type: 'mac' }, 'token_type is Bearer'],
    [{ access_token: '' }, 'access_token is a non-empty string'],
    [{ expires_in: 0 }, 'expires_in is a positive whole number of seconds'],
    [{ expires_in: -60 }, 'expires_in is a positive whole number of seconds'],
    [{ expires_in: 1.5 }, 'expires_in is a positive whole number of seconds'],
    [{ expires_in: '3600' }, 'expires_in is a positive whole number of seconds'],
  ])('%j fails "%s"', (over, name) => {
    const failed = judgeTokenResponse(200, ok(over)).filter((c) => c.failure);
    expect(failed.map((c) => c.name)).toEqual([name]);
  });
  test.each([
    [0, 'the token response has expires_in 0 instead of a positive whole number of seconds'],
    [-60, 'the token response has expires_in -60 instead of a positive whole number of seconds'],
    ['3600', 'the token response has expires_in "3600" instead of a positive whole number of seconds'],
  ])('expires_in %j fails saying what came back', (value, message) => {
    expect(judgeTokenResponse(200, ok({ expires_in: value })).find((c) => c.failure)?.failure).toBe(message);
  });
  test.each([3601, 7200, 86400, 90000])('any positive whole expires_in passes, %i included (company configuration)', (value) => {
    expect(judgeTokenResponse(200, ok({ expires_in: value })).filter((c) => c.failure)).toEqual([]);
  });
  test.each([
    [503, '<html><body>Service Unavailable</body></html>', 'token endpoint answered HTTP 503, not JSON: the environment is unavailable'],
    [502, '{"error":"bad_gateway"}', 'token endpoint answered HTTP 502: the environment is unavailable'],
    [200, '<html>captive portal</html>', 'token endpoint answered HTTP 200, not JSON: the environment is unavailable'],
    [404, 'Not Found', 'token endpoint answered HTTP 404, not JSON: the environment is unavailable'],
  ])('%i %s: only the unavailability signal, with the status', (status, text, message) => {
    expect(judgeTokenResponse(status, text)).toEqual([{ name: ENVIRONMENT_UNAVAILABLE_TEST, failure: message }]);
  });
  test('429 and JSON refusals are not outages', () => {
    expect(judgeTokenResponse(401, body('1.2.6'))[0].name).toBe('status is 200');
    expect(judgeTokenResponse(429, '')[0].name).toBe('status is 200');
  });
  test('an error names the Unico code, cause and remedy', () => {
    const [check] = judgeTokenResponse(401, body('1.2.6'));
    expect(explainCodeNotes(check.failure!)).toBe('expected 200, got 401: token endpoint answered 401 with 1.2.6 (the signing key is no longer accepted (revoked); request new credentials from Unico)');
  });
});

describe('judgeApiResponse', () => {
  const byId = (id: string) => API_CASES.find((c) => c.id === id)!;
  test('a valid token must not be rejected', () => {
    expect(judgeApiResponse(byId('api-GetProcess-valid'), 404).failure).toBeUndefined();
    expect(judgeApiResponse(byId('api-GetProcess-valid'), 403).failure).toBe('expected anything but 401/403, got 403: the API rejected a valid access token');
  });
  test('on loopback a step of the flow must answer 2xx', () => {
    const onLoopback = { ...byId('api-GetSelfie-valid'), mustSucceed: true };
    expect(judgeApiResponse(onLoopback, 200).failure).toBeUndefined();
    expect(judgeApiResponse(onLoopback, 404).failure).toBe('expected 2xx, got 404: the step of the flow failed');
    expect(judgeApiResponse(onLoopback, 401).failure).toBe('expected 2xx, got 401: the API rejected a valid access token');
  });
  test('the id of a create: by Client {id}, by Unico {process:{id}}; nothing that is not a plain token', () => {
    expect(createdId({ id: 'a-1' })).toBe('a-1');
    expect(createdId({ process: { id: 'b-2' } })).toBe('b-2');
    expect(createdId({ process: { id: '../x' } })).toBeUndefined();
    expect(createdId('text')).toBeUndefined();
  });
  test('no token, garbage token and no APIKEY must be rejected', () => {
    expect(judgeApiResponse(byId('api-CreateProcess-no-token'), 200).failure).toBe('expected 401 or 403, got 200: the API accepted a request without a token');
    expect(judgeApiResponse(byId('api-GetClientProcess-garbage-token'), 201).failure).toBe('expected 401 or 403, got 201: the API accepted a garbage Bearer token');
    expect(judgeApiResponse(byId('api-GetDocuments-no-apikey'), 401).failure).toBeUndefined();
  });
  test('a 5xx is the API failing, never "accepted"', () => {
    expect(judgeApiResponse(byId('api-CreateProcess-no-token'), 503).failure).toBe('expected 401 or 403, got 503: the API failed (503)');
    expect(judgeApiResponse(byId('api-GetClientProcess-garbage-token'), 500).failure).toBe('expected 401 or 403, got 500: the API failed (500)');
  });
});
