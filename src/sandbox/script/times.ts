/**
 * iat and exp of every assertion a run signs (the rule and why: src/idcloud/claims.ts `assertionTimes`):
 * iat now, exp = iat + 3600 − a random offset, never an (iat, exp) pair this run already used. The offset is
 * not a secret, so Math.random (the only randomness of postman-sandbox 4.7.1) is fine.
 */
import { AssertionTimes, assertionTimes, EXP_JITTER_SECONDS, timesKey } from '../../idcloud/claims';
import { RUN_VARIABLES } from '../../suites/variables';
import { Host, textVar } from './pm';

/** How many recent pairs are remembered: far more than one run signs within the same second. */
const REMEMBERED_PAIRS = 64;

export function uniqueAssertionTimes(host: Host, random: () => number = Math.random): AssertionTimes {
  const nowMs = host.now();
  const used = textVar(host, RUN_VARIABLES.usedTimes).split(',').filter(Boolean);
  const times = assertionTimes(nowMs, Math.floor(random() * EXP_JITTER_SECONDS), (t) => used.indexOf(timesKey(t)) !== -1);
  used.push(timesKey(times));
  host.pm.variables.set(RUN_VARIABLES.usedTimes, used.slice(-REMEMBERED_PAIRS).join(','));
  return times;
}
