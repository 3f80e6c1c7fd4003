/**
 * Turns a token endpoint's refusal into a one-line explanation naming the likely wrong credential,
 * from Unico's error table (src/idcloud/errors.ts). Pure: status + body in, error out.
 */
import { findUnicoCode } from '../idcloud/error-code';
import { isUnicoErrorCode, UNCODED_401_REMEDY, UNICO_ERRORS } from '../idcloud/errors';
import { TokenExchangeError, TokenRateLimitedError, TokenRefusedError, TokenServerError, TokenUnexpectedStatusError } from './errors';

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
    return new TokenServerError(`${ctx.environment}: ${ctx.tokenUrl} answered HTTP ${status}; the environment could not complete the exchange — retry later`, details);
  }
  if (status === 429) {
    return new TokenRateLimitedError(`${ctx.environment}: ${ctx.tokenUrl} kept answering HTTP 429 (rate limit: 10 requests/second per tenant); reuse tokens instead of minting one per call, and retry later`, details);
  }
  if (status < 400) {
    return new TokenUnexpectedStatusError(`${ctx.environment}: ${ctx.tokenUrl} answered HTTP ${status} instead of a token; check the environment's identity URL`, details);
  }
  if (unicoCode && isUnicoErrorCode(unicoCode)) {
    const { cause, remedy } = UNICO_ERRORS[unicoCode];
    return new TokenRefusedError(`${at} (HTTP ${status}, Unico ${unicoCode}: ${cause}); ${remedy}`, details);
  }
  if (unicoCode) {
    return new TokenRefusedError(`${at} (HTTP ${status}, Unico ${unicoCode}, a code missing from Unico's documented table); check iss, the private key and --env against what Unico issued`, details);
  }
  return new TokenRefusedError(
    `${at} (HTTP ${status}, no error code); ${UNCODED_401_REMEDY} — check with doctor --cert`,
    details,
  );
}
