/**
 * Variable names shared by the generator (environment files, request templates) and the collection scripts.
 * One place, so a rename cannot leave the two out of step.
 */
import { UNICO_HOSTS } from '../idcloud/hosts';
import type { ApiProduct } from '../idcloud/hosts';

/** What the user fills in: one environment file per environment, same keys, different values. */
export const ENV_VARIABLES = {
  identityUrl: 'identity_url',
  unicoApiUrl: 'unico_api_url',
  clientApiUrl: 'client_api_url',
  /** Unico's sign hosts (documents and evidence of the sign flows); the same origin as the others for NAME=URL. */
  signApiUrl: 'sign_api_url',
  iss: 'iss',
  /**
   * The `aud` to sign for when it is not `identity_url` (a gateway or tunnel in front of Unico: the URL is local,
   * the audience stays Unico's); empty: `aud` is `identity_url`.
   */
  audience: 'audience',
  privateKey: 'private_key',
  apiKey: 'api_key',
  maxInvalidAttempts: 'max_invalid_attempts',
} as const;

/**
 * The environment variable of each product API's base URL: the only origins the auth layer sends a token to
 * (sandbox/script/auth.ts), the base of the `API` folder's requests, and what `wrap` recognises as a product URL.
 * In the order the auth layer matches a request's origin: by Client first, so that where the origins coincide
 * (the emulator) its APIKEY is added.
 */
// Both built by PURE calls: the sandbox bundles that do not use them leave them out (esbuild keeps a top-level
// object literal that reads another object's properties).
export const PRODUCT_URL_VARIABLE: Readonly<Record<ApiProduct, string>> = /* @__PURE__ */ productUrlVariable();

/** The same variables as a list. */
export const PRODUCT_URL_VARIABLES: readonly string[] = /* @__PURE__ */ Object.values(PRODUCT_URL_VARIABLE);

function productUrlVariable(): Readonly<Record<ApiProduct, string>> {
  return { client: ENV_VARIABLES.clientApiUrl, unico: ENV_VARIABLES.unicoApiUrl, sign: ENV_VARIABLES.signApiUrl };
}

/**
 * Unico's known hosts (idcloud/hosts.ts UNICO_HOSTS) → the environment variable `wrap` puts in their place
 * (cli-contract.md "The auth layer"), so that one wrapped collection serves every environment.
 */
// Built by a PURE call: the sandbox bundles import this module and do not use it, so esbuild leaves it out.
export const HOST_VARIABLES: Readonly<Record<string, string>> = /* @__PURE__ */ hostVariables();

function hostVariables(): Readonly<Record<string, string>> {
  return Object.freeze(Object.fromEntries(Object.entries(UNICO_HOSTS).map(([host, url]) => [host, ENV_VARIABLES[url]])));
}

/** What the scripts keep during a run (local `pm.variables`, never written to files by the generator). */
export const RUN_VARIABLES = {
  /**
   * The collection-level bearer auth's token (the auth layer, collection/auth-layer.ts): set by the pre-request
   * script for requests to a product API origin, empty for any other origin, so no token leaves for elsewhere.
   */
  accessToken: 'idcloud_access_token',
  /** The (possibly mutated) assertion the current token-endpoint request sends. */
  assertion: 'idcloud_assertion',
  /** The body text of the current API request (suites/api.ts `requestBody`: a valid create only on loopback). */
  body: 'idcloud_body',
  /** The CPF the documents query sends (suites/api.ts `documentsCode`: empty off loopback). */
  subjectCode: 'idcloud_subject_code',
  /** The signed document the sign host is asked for (never created by the suite: an unknown id). */
  signDocumentId: 'idcloud_sign_document',
  /** The case id of the current request, kept for the test script once the header is removed. */
  currentCase: 'idcloud_case',
  /** JSON of what the current request expects (suites/outcome.ts `Expectation`), for the test script. */
  expectation: 'idcloud_expect',
  /** Invalid authentication attempts sent in this run: `Token errors` requests and rejected exchanges. */
  invalidAttempts: 'idcloud_invalid_attempts',
  /** `caseId:count` of the request being retried after a 429. */
  retry: 'idcloud_retry',
  /** `iat:exp` pairs of the assertions signed in this run (sandbox/script/times.ts): no two are identical. */
  usedTimes: 'idcloud_used_times',
  /** JSON {key, message} of a rejected exchange: not retried in this run, each would be another invalid attempt. */
  tokenFailure: 'idcloud_token_failure',
  /** Per product, the id the create request got back, which the reads read (suites/api.ts). */
  processIdUnico: 'idcloud_process_unico',
  processIdClient: 'idcloud_process_client',
  /** JSON [name, message][] of failures the pre-request found, which the test script records with Unico's explanation. */
  pendingFailures: 'idcloud_pending',
  /** Set once the run's refused exchange was signalled to the runner (exchange-refused): once per run. */
  refusalSignalled: 'idcloud_refusal_signalled',
  /** Set once ENVIRONMENT_UNAVAILABLE_TEST was recorded in this run: the signal appears once. */
  unavailable: 'idcloud_unavailable',
  /** Server clock minus local clock in seconds, learned from the token endpoint's Date header (idcloud/clock.ts). */
  clockOffset: 'idcloud_clock_offset',
  /**
   * The identity origin whose token endpoint answered with the emulator's signal in this run (sandbox/script/emulator.ts);
   * '' until then, and after an answer without it. Never written to files.
   */
  emulator: 'idcloud_emulator',
  /** Set once a 1.2.18 (account locked) was seen: nothing more is sent. */
  locked: 'idcloud_locked',
} as const;

/**
 * What a runner may inject for one run (Newman `envVar`/globals) to make it faster; never written to generated
 * files. Each is optional: the scripts fall back to doing the work themselves (Postman app, plain Newman).
 */
export const INJECTED_VARIABLES = {
  /** PEM of a throwaway RSA key for the "Signed by another key" case; without it the script generates one. */
  otherPrivateKey: 'idcloud_other_private_key',
  /**
   * The run's exp lane (idcloud/claims.ts EXP_LANES), given by a runner to each of the runs it starts side by
   * side, so that no two of them can sign the same assertion; without it the offset is drawn from all of them.
   */
  expLane: 'idcloud_exp_lane',
} as const;

/**
 * The failed test people see, once per run, when the *valid* exchange got a 5xx or an answer that is not JSON
 * (idcloud/token-response.ts `unavailableAnswer`): `token endpoint answered HTTP <status>[, not JSON]: the
 * environment is unavailable`. A runner does not go by this name (a user's test could carry it): it reads the
 * `unavailable` run signal sent with it (suites/run-signals.ts).
 */
export const ENVIRONMENT_UNAVAILABLE_TEST = 'token endpoint available';

/** Postman Vault secret names (the Postman app): read when `private_key` / `api_key` are empty. */
export const VAULT_SECRETS = { privateKey: 'idcloud_private_key', apiKey: 'idcloud_api_key' } as const;

/** The token cache: an environment variable when an environment is active, else a collection variable. */
export const TOKEN_CACHE_VARIABLE = 'idcloud_token_cache';

export const DEFAULT_MAX_INVALID_ATTEMPTS = 20;

/** Each generated request names its case in this header; the collection scripts dispatch on it. */
export const CASE_HEADER = 'X-IdCloud-Case';

/** The `Token` folder's visible exchange. */
export const TOKEN_EXCHANGE_CASE = { id: 'token-exchange', name: 'Exchange assertion for access token' } as const;
