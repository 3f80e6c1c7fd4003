/**
 * The emulator's public types (library API `startEmulator`). Kept apart from the implementation so that
 * code which only describes accounts (keygen, demo) does not load the server.
 */
import type { KeyObject } from 'node:crypto';
import type { EmulatorFlaw } from './flaws';
import type { Capability } from './product/capabilities';
import type { WebhookConfig } from './product/webhook-config';

/** Account states an accounts file may give; each non-active one answers with its Unico error code. */
export const ACCOUNT_STATUSES = Object.freeze(['active', 'disabled', 'app-inactive', 'no-permission', 'locked', 'key-revoked'] as const);
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export interface EmulatorAccount {
  /** `<account>@<tenant_id>.iam.acesso.io` */
  iss: string;
  /** PEM text of an SPKI (or PKCS#1) RSA public key or of an X.509 certificate, or a path to such a file. */
  publicKey: string;
  /** The "by Client" API's APIKEY for this account; without one, /processes/v1 rejects every call. */
  apiKey?: string;
  /** Default `active`. */
  status?: AccountStatus;
  /** What the account may call (product/capabilities.ts); default every capability. A missing one answers 403. */
  capabilities?: Capability[];
  /** Where finished by-Unico processes of this account are announced; loopback URLs only. */
  webhook?: WebhookConfig;
}

export interface EmulatorOptions {
  accounts: EmulatorAccount[];
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** `expires_in` and the access token's lifetime. Default 3600. */
  tokenLifetimeSeconds?: number;
  /** Invalid attempts per account before it is locked (1.2.18). Default 0 = lockout off. */
  lockoutAfter?: number;
  /** How long a lockout lasts. Default 300. */
  lockoutSeconds?: number;
  /** Token requests per second per tenant before 429. Default 10 (Unico's documented limit); 0 = off. */
  rateLimit?: number;
  /** Language of error_description. Default pt (Unico's older pages). */
  lang?: 'pt' | 'en';
  /** How far iat may lie in the future. Default 30. */
  clockSkewSeconds?: number;
  /**
   * Seconds after which a created by-Unico process finishes by itself (its result from the scenario table),
   * and a by-Client process still "processing" completes. Default 0: only `POST /_emulator/processes/{id}/finish` finishes one.
   */
  processSeconds?: number;
  /**
   * The emulator's clock minus the real one, in seconds (negative: behind). Everything it dates follows it:
   * the assertion checks, its access tokens and the `Date` header of every answer. Default 0.
   */
  clockOffsetSeconds?: number;
  /**
   * The real clock the emulator reads (milliseconds since the epoch; clockOffsetSeconds is added to it).
   * Default Date.now. A program embedding the emulator (or a test) can pass its own to move time forward
   * without waiting: token lifetimes, lockouts and rate-limit windows then pass when it says so.
   */
  now?: () => number;
  /**
   * The RSA private key that signs the emulator's access tokens (published at /.well-known/jwks.json).
   * Default: a fresh 2048-bit key per start, so that tokens of an earlier run are not accepted. Emulators
   * started many times in one program (tests) can share one and skip generating a key each time.
   */
  signingKey?: KeyObject;
  /**
   * An outage: the token endpoint answers every request with this status and body (e.g. 503 and an HTML page),
   * before looking at it. `contentType` defaults to text/html. Default: no outage.
   */
  outage?: EmulatorOutage;
  /** Rules to break on purpose (see flaws.ts). */
  flaws?: EmulatorFlaw[];
  /** One line per request: method, path, status, Unico error code. Never a token, assertion or APIKEY. */
  log?: (line: string) => void;
}

export interface EmulatorOutage {
  status: number;
  body: string;
  contentType?: string;
}

export interface EmulatorStats {
  /** Successful token exchanges. */
  tokenExchanges: number;
  /** Token-endpoint requests answered with anything but 200 (401, 4xx for malformed requests, 429). */
  tokenErrors: number;
  /** Rejected authentication attempts per registered account iss (not 1.2.18 answers, not 429s). */
  invalidAttempts: Record<string, number>;
  /** Every HTTP request served. */
  requests: number;
  /** Product-API processes created (both APIs). */
  processesCreated: number;
  /** Webhook deliveries answered 2xx, and deliveries given up after the last attempt. */
  webhooksDelivered: number;
  webhooksFailed: number;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`, no trailing slash: the `aud` assertions must carry and the access tokens' issuer. */
  url: string;
  port: number;
  stats(): EmulatorStats;
  close(): Promise<void>;
}
