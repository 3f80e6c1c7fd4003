/**
 * The suite catches broken servers: for each emulator flaw switch (each breaks one of Unico's rules), a real
 * Newman run of the generated collection's requests that test that rule fails on every one of them, with a
 * message naming the broken rule. Only those requests run (in a few runs, flaws testing disjoint requests sharing
 * an emulator: see GROUPS): that a flaw
 * relaxes exactly one rule and leaves every other answer as it was is proved at the HTTP level for every flaw by
 * test/emulator/flaws.test.ts, and that every other request passes against a correct server by the whole runs
 * of test/e2e-collection/newman-cli.test.ts and latest-runtime.test.ts (the judges are pure functions of the
 * answer).
 */
import { EMULATOR_FLAWS, EmulatorFlaw } from '../../src/emulator';
import { NEGATIVE_CASES } from '../../src/suites/cases';
import { INJECTED_VARIABLES } from '../../src/suites/variables';
import { API_CASES, ApiAction } from '../../src/suites/api';
import { apiCaseName } from '../../src/suites/api-docs';
import { otherTestKeyPair } from '../helpers/keys';
import { runNewman } from '../helpers/postman-runtimes';
import { onlyRequests, setUp } from './support';

interface Expected {
  /** request name → the failure message (exact, or a matcher where the status depends on the endpoint). */
  failures: Record<string, unknown>;
}

const CLAIM_TYPES = '401 with 1.2.20 or 1.2.21, or without a code';
const UNTRUSTED_KEY = '401 with 1.2.5 or 1.2.21';
const EMPTY_SIGNATURE = '401 with 1.2.5, 1.2.21 or 1.2.20';
/** Every API request of `action` fails: the flawed server accepted what it should reject (its status varies: 200, 400, 404). */
const acceptedByApi = (action: ApiAction): Record<string, unknown> =>
  Object.fromEntries(API_CASES.filter((c) => c.action === action).map((c) => [apiCaseName(c), expect.stringMatching(new RegExp(`^expected 401 or 403, got \\d+: the API accepted ${c.subject}$`))]));
const noCode = (expected: string) => `expected ${expected}, got 401 without a code: error_description names no Unico error code`;

const EXPECTED: Record<EmulatorFlaw, Expected> = {
  'accept-expired': { failures: { 'Expired exp (1.2.4)': 'expected 401 with 1.2.4, got 200: the server accepted an expired assertion' } },
  'accept-long-lifetime': {
    failures: {
      'Lifetime over one hour': 'expected 401, got 200: the server accepted an assertion living longer than one hour (exp > iat + 3600)',
      'exp equal to iat': 'expected 401, got 200: the server accepted an assertion whose exp equals its iat',
    },
  },
  'accept-future-iat': { failures: { 'iat in the future': 'expected 401, got 200: the server accepted an assertion issued in the future (iat later than now)' } },
  'accept-any-aud': {
    failures: {
      'aud of the other environment': 'expected 401, got 200: the server accepted an assertion whose aud names another environment',
      'aud with a trailing slash': 'expected 401, got 200: the server accepted an assertion whose aud has a trailing slash',
    },
  },
  'accept-wrong-tenant': { failures: { 'Wrong tenant in iss (1.0.1)': 'expected 401 with 1.0.1, got 200: the server accepted an assertion from an unknown tenant' } },
  'accept-missing-scope': { failures: { 'Missing scope (1.1.1)': 'expected 401 with 1.1.1, got 200: the server accepted an assertion without scope' } },
  'accept-extra-claims': {
    failures: {
      'Extra claim (1.2.22)': 'expected 401 with 1.2.22, got 200: the server accepted an assertion with a claim other than iss, aud, scope, iat, exp',
      'sub claim (1.2.19 or 1.2.22)': 'expected 401 with 1.2.19 or 1.2.22, got 200: the server accepted an assertion with a sub claim (impersonation)',
    },
  },
  'accept-bad-signature': {
    failures: {
      'Tampered signature (1.2.5 or 1.2.21)': 'expected 401 with 1.2.5 or 1.2.21, got 200: the server accepted an assertion whose signature does not verify',
      'Signed by another key (1.2.5 or 1.2.21)': "expected 401 with 1.2.5 or 1.2.21, got 200: the server accepted an assertion signed by a key that is not the account's",
      // A server that skips the signature check trusts any key the token brings or points to.
      'RS256 with an empty signature': `expected ${EMPTY_SIGNATURE}, got 200: the server accepted an RS256 assertion with an empty signature`,
      'Embedded jwk header': `expected ${UNTRUSTED_KEY}, got 200: the server accepted an assertion carrying its own key in a jwk header (signed by that key)`,
      'jku header': `expected ${UNTRUSTED_KEY}, got 200: the server accepted an assertion whose jku header names a key URL that never resolves (signed by another key)`,
    },
  },
  'accept-alg-none': { failures: { 'alg none': 'expected 401, got 200: the server accepted an unsigned assertion (alg none)' } },
  'accept-alg-none-variants': {
    failures: {
      'alg None': 'expected 401, got 200: the server accepted an unsigned assertion (alg "None")',
      'alg NONE': 'expected 401, got 200: the server accepted an unsigned assertion (alg "NONE")',
    },
  },
  'accept-any-rsa-alg': {
    failures: {
      'alg RS512': 'expected 401, got 200: the server accepted an RS512 assertion signed by the account key (only RS256 is allowed)',
      'alg PS256': 'expected 401, got 200: the server accepted a PS256 assertion signed by the account key (only RS256 is allowed)',
    },
  },
  'accept-empty-signature': { failures: { 'RS256 with an empty signature': `expected ${EMPTY_SIGNATURE}, got 200: the server accepted an RS256 assertion with an empty signature` } },
  'trust-embedded-jwk': { failures: { 'Embedded jwk header': `expected ${UNTRUSTED_KEY}, got 200: the server accepted an assertion carrying its own key in a jwk header (signed by that key)` } },
  'trust-jku': { failures: { 'jku header': `expected ${UNTRUSTED_KEY}, got 200: the server accepted an assertion whose jku header names a key URL that never resolves (signed by another key)` } },
  'accept-missing-iss': { failures: { 'Missing iss': `expected ${CLAIM_TYPES}, got 200: the server accepted an assertion without iss` } },
  'accept-missing-iat': { failures: { 'Missing iat': `expected ${CLAIM_TYPES}, got 200: the server accepted an assertion without iat` } },
  'accept-missing-exp': { failures: { 'Missing exp': `expected ${CLAIM_TYPES}, got 200: the server accepted an assertion without exp` } },
  'accept-string-times': { failures: { 'exp as a numeric string': `expected ${CLAIM_TYPES}, got 200: the server accepted an assertion whose exp is a numeric string` } },
  'accept-hs256': { failures: { 'HS256 keyed with the public key': 'expected 401, got 200: the server accepted an HS256 assertion keyed with the public key (algorithm confusion)' } },
  'accept-malformed': { failures: { 'Malformed token (1.2.20 or 1.2.21)': 'expected 401 with 1.2.20 or 1.2.21, got 200: the server accepted a malformed assertion' } },
  'accept-replay': { failures: { 'Replayed assertion (1.2.7)': 'expected 401 with 1.2.7, got 200: the server accepted a replayed assertion' } },
  'accept-any-grant-type': { failures: { 'Wrong grant_type': 'expected a 4xx, got 200: the server accepted a request with the wrong grant_type' } },
  'accept-json-body': { failures: { 'JSON body instead of a form': 'expected a 4xx, got 200: the server accepted a JSON body instead of a form' } },
  // Past the auth the flaw skips, the emulator validates the API folder's empty create body: 400 naming its first field.
  'accept-any-api-token': {
    failures: { ...acceptedByApi('no-token'), ...acceptedByApi('garbage-token') },
  },
  'accept-missing-apikey': { failures: acceptedByApi('no-apikey') },
  'server-error-on-expired': {
    failures: { 'Expired exp (1.2.4)': 'expected 401 with 1.2.4, got 500: the server failed on an expired assertion (HTTP 500)' },
  },
  'no-error-code': {
    failures: {
      'Expired exp (1.2.4)': noCode('401 with 1.2.4'),
      'Wrong tenant in iss (1.0.1)': noCode('401 with 1.0.1'),
      'Missing scope (1.1.1)': noCode('401 with 1.1.1'),
      'Extra claim (1.2.22)': noCode('401 with 1.2.22'),
      'sub claim (1.2.19 or 1.2.22)': noCode('401 with 1.2.19 or 1.2.22'),
      'Tampered signature (1.2.5 or 1.2.21)': noCode('401 with 1.2.5 or 1.2.21'),
      'Signed by another key (1.2.5 or 1.2.21)': noCode('401 with 1.2.5 or 1.2.21'),
      'Malformed token (1.2.20 or 1.2.21)': noCode('401 with 1.2.20 or 1.2.21'),
      'Replayed assertion (1.2.7)': noCode('401 with 1.2.7'),
      // The missing and ill-typed claims accept an uncoded 401; these do not.
      'RS256 with an empty signature': noCode(EMPTY_SIGNATURE),
      'Embedded jwk header': noCode(UNTRUSTED_KEY),
      'jku header': noCode(UNTRUSTED_KEY),
    },
  },
};

test('every emulator flaw has a test here', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(EMULATOR_FLAWS).sort());
});

// Every picked case runs (no max_invalid_attempts stop), with the other key injected as the runner does (no key
// generation in each sandbox).
const ALL_CASES = {
  max_invalid_attempts: String(NEGATIVE_CASES.length),
  [INJECTED_VARIABLES.otherPrivateKey]: otherTestKeyPair().pkcs8Pem,
};

const FLAWS = Object.keys(EMULATOR_FLAWS) as EmulatorFlaw[];
const requestsOf = (flaw: EmulatorFlaw) => Object.keys(EXPECTED[flaw].failures);

/**
 * Flaws whose requests are disjoint share one emulator and one run. Each flaw relaxes exactly one rule and leaves
 * every other answer as it was (test/emulator/flaws.test.ts), and each request tests one rule, so in a run of a
 * group each request meets only its own flaw; a request two flaws test (e.g. the expired assertion, which
 * server-error-on-expired and accept-expired answer differently) puts them in different groups.
 */
const GROUPS: EmulatorFlaw[][] = [];
for (const flaw of FLAWS) {
  const group = GROUPS.find((g) => g.every((other) => !requestsOf(other).some((name) => requestsOf(flaw).includes(name))));
  if (group) group.push(flaw);
  else GROUPS.push([flaw]);
}

interface GroupRun {
  /** request name → failure message, for every failure of the run. */
  failures: Record<string, string>;
  count: number;
}

const groupRuns = new Map<EmulatorFlaw[], Promise<GroupRun>>();

function groupRun(group: EmulatorFlaw[]): Promise<GroupRun> {
  let run = groupRuns.get(group);
  if (!run) {
    run = (async () => {
      const { emulator, files, envValues } = await setUp({ flaws: group }, ALL_CASES);
      try {
        const result = await runNewman(onlyRequests(files.collection, group.flatMap(requestsOf)), { envValues });
        return { failures: Object.fromEntries(result.failures.map((f) => [f.item, f.message])), count: result.failures.length };
      } finally {
        await emulator.close();
      }
    })();
    groupRuns.set(group, run);
  }
  return run;
}

test('the flaws share a few runs: each flaw in one, no request tested by two flaws of a run', () => {
  expect(GROUPS.flat().sort()).toEqual([...FLAWS].sort());
  for (const group of GROUPS) expect(new Set(group.flatMap(requestsOf)).size).toBe(group.flatMap(requestsOf).length);
  expect(GROUPS.length).toBeLessThan(FLAWS.length);
});

describe('the run fails, naming the broken rule on every request that tests it', () => {
  test.concurrent.each(FLAWS)('flaw %s', async (flaw) => {
    const group = GROUPS.find((g) => g.includes(flaw))!;
    const run = await groupRun(group);
    const expected = EXPECTED[flaw].failures;
    expect(Object.fromEntries(Object.keys(expected).map((name) => [name, run.failures[name]]))).toEqual(expected);
    // Nothing else of its run fails: one failure per request of the group, none twice.
    expect(run.count).toBe(group.flatMap(requestsOf).length);
  });
});
