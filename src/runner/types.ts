/** The runner's public types: options in, events out, results. */
import type { Environment } from '../environments';
import type { NetworkSettings } from '../network';
import type { ExitCode } from '../errors';
import type { SkipReason } from '../suites/run-signals';
import type { RunScope, Suite } from './suites';

/** A reporter's name, as `--reporters` takes it (reporters/registry.ts REPORTERS lists them). */
export type ReporterName = string;

/** Where a reporter prints: anything with write(text), e.g. process.stdout or a caller's own stream. */
export interface TextOutput {
  write(text: string): unknown;
}

export interface EnvironmentInput {
  env: Environment;
  /** The Postman environment JSON for it (as the generator writes it; secrets empty). */
  envJson: object;
  /**
   * This environment's own account (Unico issues one per environment); without it the run's `secrets`.
   * Injected at run time, never written anywhere; every environment's secrets are scrubbed from every output.
   */
  secrets?: RunSecrets;
}

export interface RunSecrets {
  privateKeyPem: string;
  apiKey?: string;
}

export interface RunSuitesOptions {
  /** A Postman v2.1 collection (JSON object). */
  collection: object;
  environments: EnvironmentInput[];
  /**
   * Injected as Newman envVar values at run time; never written anywhere. The account of every environment that
   * has no `secrets` of its own (optional when each has).
   */
  secrets?: RunSecrets;
  /** Default: `all` on loopback environments, `smoke` elsewhere. */
  suite?: Suite;
  /** Bound on invalid attempts (default 20 off loopback). */
  maxInvalid?: number;
  allowProductionErrors?: boolean;
  /** Folder for junit/json/htmlextra reports; none are written without it. */
  reportDir?: string;
  /** Newman's `--folder`: run only these folders or requests (by name); the lockout guard still applies. */
  folders?: string[];
  /**
   * Reporters by name (REPORTERS: cli, junit, json, htmlextra, github-summary, github-annotations;
   * comma-separated entries allowed), attached by the run. Default: cli + every file reporter when reportDir
   * is set; `[]`: none. The GitHub reporters are added whenever `processEnv` asks for them.
   */
  reporters?: string[];
  /** Options per reporter name, e.g. `{ cli: { stream, live: false } }` (console-reporter.ts). */
  reporterOptions?: Record<string, unknown>;
  /**
   * Environment variables for the CI reporters: `GITHUB_STEP_SUMMARY` (a file: the `github-summary` reporter
   * appends the run's Markdown summary to it) and `GITHUB_ACTIONS=true` (`github-annotations` prints one
   * `::error` per failed check). The CLI passes `process.env`; default none, so a library run writes to no
   * CI page unless asked.
   */
  processEnv?: Readonly<Record<string, string | undefined>>;
  /** Per-request timeout (ms) for Newman and for the reachability preflight. Default 15000. */
  timeoutMs?: number;
  /**
   * Proxies and extra trusted CAs for the preflight and for Newman's requests (src/network: readNetworkSettings).
   * Default: direct, Node's trust store (Newman's own HTTP client still reads the process's proxy variables).
   */
  network?: NetworkSettings;
  /** Skip the preflight reachability check of identity_url. */
  skipPreflight?: boolean;
}

/**
 * `failed`: a check failed (a finding, exit 1). `unreachable`: no connection (DNS, refused, timeout, TLS);
 * `unavailable`: the token endpoint answered the valid exchange with a 5xx or with something that is not JSON
 * (an outage: the layer's `unavailable` run signal, suites/run-signals.ts); `incomplete`: the run could not complete.
 * The last three tested nothing that can be trusted: exit 3.
 */
export type EnvironmentStatus = 'passed' | 'failed' | 'unreachable' | 'unavailable' | 'incomplete';

export interface AssertionFailure {
  request: string;
  assertion: string;
  /** Scrubbed. */
  message: string;
}

export interface EnvironmentResult {
  name: string;
  /** The suite, or `collection` (run whole) or `folders` (the --folder picks). */
  suite: RunScope;
  folders: string[];
  status: EnvironmentStatus;
  exitCode: ExitCode;
  /**
   * One line, scrubbed: why the environment is unreachable, unavailable (with the HTTP status) or incomplete; for
   * a failed one whose valid exchange was refused, the refusal (Unico's code, its cause and remedy), said once here
   * instead of once per request that needed a token.
   */
  reason?: string;
  /** Response time of the first successful token exchange, when one happened. */
  tokenExchangeMs?: number;
  requests: number;
  assertions: { total: number; passed: number; failed: number; skipped: number };
  /**
   * Invalid authentication attempts the collection counted (Token errors requests, rejected exchanges; a 429
   * retry counts once): the last `invalid-attempts` run signal of the layer's scripts (suites/run-signals.ts).
   */
  invalidAttempts: number;
  /** Responses that were 429 Too Many Requests (the server's rate limit): each one a wait before a retry. */
  rateLimited: number;
  /** Requests whose checks could not run for want of a token (the exchange was refused): skipped, counted, not listed. */
  noToken?: number;
  /** Requests skipped for a want the user can fix (the layer's `skipped` run signals), by reason. */
  skippedFor?: Partial<Record<SkipReason, number>>;
  failures: AssertionFailure[];
  /** Report files written (final paths). */
  reports: string[];
  durationMs: number;
}

export interface RunResult {
  environments: EnvironmentResult[];
  /** The verdict: a reporter's failure never changes it. */
  exitCode: ExitCode;
  reporters: ReporterName[];
  /**
   * Reporters that failed (threw, or could not write their report): named, one scrubbed line each. The other
   * reporters, the other environments and the verdict are unaffected; the CLI prints one line per failure.
   */
  reporterFailures: ReporterFailure[];
}

export interface ReporterFailure {
  reporter: ReporterName;
  /** One line, scrubbed. */
  message: string;
}

/** Payloads of the events a run emits (all strings scrubbed). */
export interface RunEvents {
  start: { environments: { name: string; suite: RunScope; folders: string[] }[]; reporters: ReporterName[] };
  'env-start': { env: string; suite: RunScope; folders: string[] };
  request: { env: string; item: string; method: string; url: string; status?: number; responseTimeMs?: number; error?: string };
  assertion: { env: string; item: string; assertion: string; passed: boolean; skipped: boolean; error?: string };
  /** A line the collection's scripts logged (console.log): retries after 429, skipped requests, … */
  console: { env: string; level: string; message: string };
  'env-done': EnvironmentResult;
  done: RunResult;
}
