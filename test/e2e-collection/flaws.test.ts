/**
 * The suite catches broken servers: for each emulator flaw switch (each breaks one of Unico's rules), a real
 * Newman run of the generated collection fails, and exactly the requests that test that rule fail, with a
 * message naming the broken rule.
 */
import { EMULATOR_FLAWS, EmulatorFlaw } from '../../src/emulator';
import { FOLDERS } from '../../src/collection';
import { API_CASES, ApiAction } from '../../src/suites/api';
import { apiCaseName } from '../../src/suites/api-docs';
import { runNewman } from '../helpers/postman-runtimes';
import { onlyFolders, setUp } from './support';

interface Expected {
  folders: string[];
  /** request name → the failure message (exact, or a matcher where the status depends on the endpoint). */
  failures: Record<string, unknown>;
}

const TOKEN_ERRORS = [FOLDERS.tokenErrors];
const SMOKE = [FOLDERS.token, FOLDERS.api];
/** Every API request of `action` fails: the flawed server accepted what it should reject (its status varies: 200, 400, 404). */
const acceptedByApi = (action: ApiAction): Record<string, unknown> =>
  Object.fromEntries(API_CASES.filter((c) => c.action === action).map((c) => [apiCaseName(c), expect.stringMatching(new RegExp(`^expected 401 or 403, got \\d+: the API accepted ${c.subject}$`))]));
const noCode = (expected: string) => `expected ${expected}, got 401 without a code: error_description names no Unico error code`;

const EXPECTED: Record<EmulatorFlaw, Expected> = {
  'accept-expired': { folders: TOKEN_ERRORS, failures: { 'Expired exp (1.2.4)': 'expected 401 with 1.2.4, got 200: the server accepted an expired assertion' } },
  'accept-long-lifetime': {
    folders: TOKEN_ERRORS,
    failures: {
      'Lifetime over one hour': 'expected 401, got 200: the server accepted an assertion living longer than one hour (exp > iat + 3600)',
      'exp equal to iat': 'expected 401, got 200: the server accepted an assertion whose exp equals its iat',
    },
  },
  'accept-future-iat': { folders: TOKEN_ERRORS, failures: { 'iat in the future': 'expected 401, got 200: the server accepted an assertion issued in the future (iat later than now)' } },
  'accept-any-aud': {
    folders: TOKEN_ERRORS,
    failures: {
      'aud of the other environment': 'expected 401, got 200: the server accepted an assertion whose aud names another environment',
      'aud with a trailing slash': 'expected 401, got 200: the server accepted an assertion whose aud has a trailing slash',
    },
  },
  'accept-wrong-tenant': { folders: TOKEN_ERRORS, failures: { 'Wrong tenant in iss (1.0.1)': 'expected 401 with 1.0.1, got 200: the server accepted an assertion from an unknown tenant' } },
  'accept-missing-scope': { folders: TOKEN_ERRORS, failures: { 'Missing scope (1.1.1)': 'expected 401 with 1.1.1, got 200: the server accepted an assertion without scope' } },
  'accept-extra-claims': { folders: TOKEN_ERRORS, failures: { 'Extra claim (1.2.22)': 'expected 401 with 1.2.22, got 200: the server accepted an assertion with a claim other than iss, aud, scope, iat, exp' } },
  'accept-bad-signature': {
    folders: TOKEN_ERRORS,
    failures: {
      'Tampered signature (1.2.5 or 1.2.21)': 'expected 401 with 1.2.5 or 1.2.21, got 200: the server accepted an assertion whose signature does not verify',
      'Signed by another key (1.2.5 or 1.2.21)': "expected 401 with 1.2.5 or 1.2.21, got 200: the server accepted an assertion signed by a key that is not the account's",
    },
  },
  'accept-alg-none': { folders: TOKEN_ERRORS, failures: { 'alg none': 'expected 401, got 200: the server accepted an unsigned assertion (alg none)' } },
  'accept-hs256': { folders: TOKEN_ERRORS, failures: { 'HS256 keyed with the public key': 'expected 401, got 200: the server accepted an HS256 assertion keyed with the public key (algorithm confusion)' } },
  'accept-malformed': { folders: TOKEN_ERRORS, failures: { 'Malformed token (1.2.20 or 1.2.21)': 'expected 401 with 1.2.20 or 1.2.21, got 200: the server accepted a malformed assertion' } },
  'accept-replay': { folders: TOKEN_ERRORS, failures: { 'Replayed assertion (1.2.7)': 'expected 401 with 1.2.7, got 200: the server accepted a replayed assertion' } },
  'accept-any-grant-type': { folders: TOKEN_ERRORS, failures: { 'Wrong grant_type': 'expected a 4xx, got 200: the server accepted a request with the wrong grant_type' } },
  'accept-json-body': { folders: TOKEN_ERRORS, failures: { 'JSON body instead of a form': 'expected a 4xx, got 200: the server accepted a JSON body instead of a form' } },
  'accept-any-api-token': {
    folders: SMOKE,
    failures: { ...acceptedByApi('no-token'), ...acceptedByApi('garbage-token') },
  },
  'accept-missing-apikey': { folders: SMOKE, failures: acceptedByApi('no-apikey') },
  'no-error-code': {
    folders: TOKEN_ERRORS,
    failures: {
      'Expired exp (1.2.4)': noCode('401 with 1.2.4'),
      'Wrong tenant in iss (1.0.1)': noCode('401 with 1.0.1'),
      'Missing scope (1.1.1)': noCode('401 with 1.1.1'),
      'Extra claim (1.2.22)': noCode('401 with 1.2.22'),
      'Tampered signature (1.2.5 or 1.2.21)': noCode('401 with 1.2.5 or 1.2.21'),
      'Signed by another key (1.2.5 or 1.2.21)': noCode('401 with 1.2.5 or 1.2.21'),
      'Malformed token (1.2.20 or 1.2.21)': noCode('401 with 1.2.20 or 1.2.21'),
      'Replayed assertion (1.2.7)': noCode('401 with 1.2.7'),
    },
  },
};

test('every emulator flaw has a test here', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(EMULATOR_FLAWS).sort());
});

describe.each(Object.keys(EMULATOR_FLAWS) as EmulatorFlaw[])('flaw %s', (flaw) => {
  test('the run fails, naming the broken rule on exactly the requests that test it', async () => {
    const { emulator, files, envValues } = await setUp({ flaws: [flaw] });
    try {
      const expected = EXPECTED[flaw];
      const result = await runNewman(onlyFolders(files.collection, expected.folders), { envValues });
      const failures = Object.fromEntries(result.failures.map((f) => [f.item, f.message]));
      expect(result.failures).toHaveLength(Object.keys(expected.failures).length);
      expect(failures).toEqual(expected.failures);
    } finally {
      await emulator.close();
    }
  });
});
