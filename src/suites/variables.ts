/**
 * Variable names shared by the generator (environment files, request templates) and the collection scripts.
 * One place, so a rename cannot leave the two out of step.
 */

/** What the user fills in: one environment file per environment, same keys, different values. */
export const ENV_VARIABLES = {
  identityUrl: 'identity_url',
  unicoApiUrl: 'unico_api_url',
  clientApiUrl: 'client_api_url',
  /** Unico's sign hosts (documents and evidence of the sign flows); the same origin as the others for NAME=URL. */
  signApiUrl: 'sign_api_url',
  iss: 'iss',
  privateKey: 'private_key',
  apiKey: 'api_key',
  maxInvalidAttempts: 'max_invalid_attempts',
} as const;

/** What the scripts keep during a run (local `pm.variables`, never written to files by the generator). */
export const RUN_VARIABLES = {
  /**
   * The collection-level bearer auth's token (the auth layer, collection/auth-layer.ts): set by the pre-request
   * script for requests to a product API origin, empty for any other origin, so no token leaves for elsewhere.
   */
  accessToken: 'idcloud_access_token',
  /** The (possibly mutated) assertion the current token-endpoint request sends. */
  assertion: 'idcloud_assertion',
  /** The Bearer the current API request sends. */
  bearer: 'idcloud_bearer',
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
  /** Per product, the id the `create` request got back, which the `read` request reads (suites/api.ts). */
  processIdUnico: 'idcloud_process_unico',
  processIdClient: 'idcloud_process_client',
  /** JSON [name, message][] of failures the pre-request found, which the test script records with Unico's explanation. */
  pendingFailures: 'idcloud_pending',
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
} as const;

/**
 * The collection logs this prefix and the new count each time it counts an invalid attempt (a Token errors
 * request, a rejected exchange); a runner takes the last such line of a run as the run's count.
 */
export const INVALID_ATTEMPTS_LOG_PREFIX = 'IDCloud: invalid authentication attempts in this run: ';

/** The token cache: an environment variable when an environment is active, else a collection variable. */
export const TOKEN_CACHE_VARIABLE = 'idcloud_token_cache';

export const DEFAULT_MAX_INVALID_ATTEMPTS = 20;

/** Each generated request names its case in this header; the collection scripts dispatch on it. */
export const CASE_HEADER = 'X-IdCloud-Case';

/** The `Token` folder's visible exchange. */
export const TOKEN_EXCHANGE_CASE = { id: 'token-exchange', name: 'Exchange assertion for access token' } as const;
export const ENVIRONMENT_UNAVAILABLE_TEST = 'token endpoint available';
