/**
 * Token-exchange failures, one class per code. Messages say which credential is likely at fault (from Unico's
 * error table) and never include the assertion, the access token or the response body verbatim.
 */
import { EXIT, errorClass, ErrorClassOptions, ExitCode, IdcloudPostmanError, UnreachableError } from '../errors';

export interface TokenExchangeDetails extends ErrorClassOptions {
  environment: string;
  /** HTTP status of the last answer. */
  status?: number;
  /** Unico's error code found in error_description (e.g. '1.2.5'), when there was one. */
  unicoCode?: string;
  /** When the answer says the environment is unavailable rather than the credentials wrong: exit 3. */
  unavailable?: boolean;
}

/**
 * The endpoint answered, but not with a token: exit 1 (the credentials or the answer are at fault) or 3 (rate
 * limit, server error, an answer that says the environment is unavailable).
 */
export abstract class TokenExchangeError extends IdcloudPostmanError {
  static override readonly exitCode: ExitCode = EXIT.TEST_FAILED;
  readonly status?: number;
  readonly unicoCode?: string;
  readonly environment: string;

  constructor(message: string, details: TokenExchangeDetails) {
    super(message, { cause: details.cause });
    this.environment = details.environment;
    this.status = details.status;
    this.unicoCode = details.unicoCode;
    // The same code (a bad answer) is a finding or an outage depending on the answer: the one exit code set per error.
    if (details.unavailable) (this as { exitCode: ExitCode }).exitCode = EXIT.UNREACHABLE;
  }
}

/** The endpoint refused the assertion (4xx): which credential is likely wrong, from Unico's table. Exit 1. */
export class TokenRefusedError extends errorClass(TokenExchangeError, 'ERR_TOKEN_REFUSED') {}
/** It answered with something other than a token and other than an error (e.g. 3xx). Exit 1. */
export class TokenUnexpectedStatusError extends errorClass(TokenExchangeError, 'ERR_TOKEN_UNEXPECTED_STATUS') {}
/** A 200 whose body is not a token (exit 1), or an answer that says the environment is unavailable (exit 3). */
export class TokenBadResponseError extends errorClass(TokenExchangeError, 'ERR_TOKEN_BAD_RESPONSE') {}
/** 429 after every retry: exit 3. */
export class TokenRateLimitedError extends errorClass(TokenExchangeError, 'ERR_TOKEN_RATE_LIMITED') {
  static override readonly exitCode: ExitCode = EXIT.UNREACHABLE;
}
/** 5xx: the environment could not complete the exchange. Exit 3. */
export class TokenServerError extends errorClass(TokenExchangeError, 'ERR_TOKEN_SERVER_ERROR') {
  static override readonly exitCode: ExitCode = EXIT.UNREACHABLE;
}

/** Refused connection, DNS failure, timeout or TLS error: exit 3. */
export class TokenEndpointUnreachableError extends errorClass(UnreachableError, 'ERR_TOKEN_ENDPOINT_UNREACHABLE') {
  readonly environment: string;
  /** The system or TLS error code, e.g. ECONNREFUSED, ENOTFOUND, ETIMEDOUT, CERT_HAS_EXPIRED. */
  readonly reason: string;

  constructor(message: string, details: { environment: string; reason: string } & ErrorClassOptions) {
    super(message, { cause: details.cause });
    this.environment = details.environment;
    this.reason = details.reason;
  }
}
