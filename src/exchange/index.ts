/** The Node-side token exchange (jose SignJWT, RS256): used by `token`, `doctor --online` and the runner. */
export { signAssertion } from './sign';
export { freshAssertionTimes } from './fresh-times';
export { exchangeToken, readToken, tokenUrlOf } from './exchange';
export { learnedClockOffset } from './server-clock';
export type { ExchangeOptions, TokenResult } from './exchange';
export {
  TokenExchangeError, TokenRefusedError, TokenUnexpectedStatusError, TokenBadResponseError, TokenRateLimitedError, TokenServerError,
  TokenEndpointUnreachableError,
} from './errors';
export { explainRefusal } from './explain';
export type { RefusalContext } from './explain';
export { describeNetworkReason } from './http';
