/**
 * Token-exchange failures. Messages say which credential is likely at fault (from Unico's error table)
 * and never include the assertion, the access token or the response body verbatim.
 */
import { EXIT, ExitCode, IdcloudPostmanError, UnreachableError } from '../errors';

/** The endpoint answered, but not with a token: exit 1 (credentials refused) or 3 (rate limit, server error). */
export class TokenExchangeError extends IdcloudPostmanError {
  /** HTTP status of the last answer. */
  readonly status?: number;
  /** Unico's error code found in error_description (e.g. '1.2.5'), when there was one. */
  readonly unicoCode?: string;
  readonly environment: string;

  constructor(code: string, message: string, details: { environment: string; status?: number; unicoCode?: string; exitCode?: ExitCode }) {
    super(code, message, details.exitCode ?? EXIT.TEST_FAILED);
    this.environment = details.environment;
    this.status = details.status;
    this.unicoCode = details.unicoCode;
  }
}

/** Refused connection, DNS failure, timeout or TLS error: exit 3. */
export class TokenEndpointUnreachableError extends UnreachableError {
  readonly environment: string;
  /** The system or TLS error code, e.g. ECONNREFUSED, ENOTFOUND, ETIMEDOUT, CERT_HAS_EXPIRED. */
  readonly reason: string;

  constructor(message: string, environment: string, reason: string) {
    super('ERR_TOKEN_ENDPOINT_UNREACHABLE', message);
    this.environment = environment;
    this.reason = reason;
  }
}

export const TOKEN_ERROR_CODES = Object.freeze({
  REFUSED: 'ERR_TOKEN_REFUSED',
  RATE_LIMITED: 'ERR_TOKEN_RATE_LIMITED',
  SERVER_ERROR: 'ERR_TOKEN_SERVER_ERROR',
  BAD_RESPONSE: 'ERR_TOKEN_BAD_RESPONSE',
  UNEXPECTED_STATUS: 'ERR_TOKEN_UNEXPECTED_STATUS',
});
