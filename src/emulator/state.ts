/** Everything one running emulator holds, built once by startEmulator and passed to the handlers. */
import type { ErrorLanguage } from '../idcloud/errors';
import type { TokenIssuer } from './access-tokens';
import type { AccountRegistry } from './accounts';
import type { Reply } from './http';
import type { Lockout } from './lockout';
import type { ProductState } from './product/product-state';
import type { RateLimiter } from './rate-limit';
import type { ReplayGuard } from './replay';
import type { Flaws } from './rules';
import type { EmulatorStats } from './types';

export interface EmulatorState {
  /** The emulator's base URL: issuer of its tokens. */
  url: string;
  /** Base URLs an assertion's aud may name: the url, and its 127.0.0.1/localhost twin. */
  audiences: ReadonlySet<string>;
  registry: AccountRegistry;
  flaws: Flaws;
  lang: ErrorLanguage;
  skewSeconds: number;
  lifetimeSeconds: number;
  replay: ReplayGuard;
  lockout: Lockout;
  rateLimiter: RateLimiter;
  tokens: TokenIssuer;
  product: ProductState;
  stats: EmulatorStats;
  /** Milliseconds since the epoch, on the emulator's clock (options.clockOffsetSeconds). */
  now: () => number;
  /** What the token endpoint answers to everything during an outage (options.outage), built once at start. */
  outage?: Reply;
}

/** The product clock: the emulator's clock plus what the control path advanced it by. */
export function productNow(state: EmulatorState): number {
  return state.now() + state.product.clockOffsetMs;
}
