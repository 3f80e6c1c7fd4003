/**
 * Turns a token endpoint's refusal into a one-line explanation naming the likely wrong credential,
 * from Unico's error table (src/idcloud/errors.ts). Pure: status + body in, error out.
 */
import { EXIT } from '../errors';
import { findUnicoCode } from '../idcloud/error-code';
import { isUnicoErrorCode, UNCODED_401_REMEDY, UNICO_ERRORS } from '../idcloud/errors';
import { TOKEN_ERROR_CODES, TokenExchangeError } from './errors';

export interface RefusalContext {
  environment: string;
  tokenUrl: string;
  iss: string;
}

export function explainRefusal(status: number, body: string, ctx: RefusalContext): TokenExchangeError {
  const at = `${ctx.environment}: ${ctx.tokenUrl} refused the assertion for ${ctx.iss}`;
  const unicoCode = findUnicoCode(body);
  const details = { environment: ctx.environment, status, unicoCode };
  if (status >= 500) {
    return new TokenExchangeError(TOKEN_ERROR_CODES.SERVER_ERROR, `${ctx.environment}: ${ctx.tokenUrl} answered HTTP ${status}; the environment could not complete the exchange — retry later`, { ...details, exitCode: EXIT.UNREACHABLE });
  }
  if (status === 429) {
    return new TokenExchangeError(TOKEN_ERROR_CODES.RATE_LIMITED, `${ctx.environment}: ${ctx.tokenUrl} kept answering HTTP 429 (rate limit: 10 requests/second per tenant); reuse tokens instead of minting one per call, and retry later`, { ...details, exitCode: EXIT.UNREACHABLE });
  }
  if (status < 400) {
    return new TokenExchangeError(TOKEN_ERROR_CODES.UNEXPECTED_STATUS, `${ctx.environment}: ${ctx.tokenUrl} answered HTTP ${status} instead of a token; check the environment's identity URL`, details);
  }
  if (unicoCode && isUnicoErrorCode(unicoCode)) {
    const { cause, remedy } = UNICO_ERRORS[unicoCode];
    return new TokenExchangeError(TOKEN_ERROR_CODES.REFUSED, `${at} (HTTP ${status}, Unico ${unicoCode}: ${cause}); ${remedy}`, details);
  }
  if (unicoCode) {
    return new TokenExchangeError(TOKEN_ERROR_CODES.REFUSED, `${at} (HTTP ${status}, Unico ${unicoCode}, a code missing from Unico's documented table); check iss, the private key and --env against what Unico issued`, details);
  }
  return new TokenExchangeError(
    TOKEN_ERROR_CODES.REFUSED,
    `${at} (HTTP ${status}, no error code); ${UNCODED_401_REMEDY} — check with doctor --cert`,
    details,
  );
}
