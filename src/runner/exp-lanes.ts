/**
 * Exp lanes for the runs this process has going at once (idcloud/claims.ts EXP_LANES): each run takes the
 * lowest free lane and gives it back when it ends, so runs side by side (the environments of one runSuites,
 * several runSuites) never sign the same assertion, however their random offsets fall, nor the same as this
 * process's Node-side signer (NODE_SIGNER_LANE, never given to a run). Only past EXP_LANES − 1 runs at once does
 * a run go without a lane (its offset then drawn from all, as independent processes do).
 */
import { EXP_LANES, NODE_SIGNER_LANE } from '../idcloud/claims';

const taken = new Set<number>();

export interface ExpLane {
  /** Undefined when every lane is taken. */
  lane: number | undefined;
  release(): void;
}

export function takeExpLane(): ExpLane {
  let lane: number | undefined;
  for (let candidate = 0; candidate < EXP_LANES; candidate++) {
    // The Node-side signer's lane is its own (src/exchange fresh-times.ts), whatever runs are going.
    if (candidate !== NODE_SIGNER_LANE && !taken.has(candidate)) {
      lane = candidate;
      taken.add(candidate);
      break;
    }
  }
  let released = false;
  return {
    lane,
    release: () => {
      if (released || lane === undefined) return;
      released = true;
      taken.delete(lane);
    },
  };
}
