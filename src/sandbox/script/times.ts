/**
 * iat and exp of every assertion a run signs (the rule and why: src/idcloud/claims.ts `assertionTimes`):
 * iat now, exp = iat + 3600 − a random offset (in the run's lane when a runner gave it one), never an (iat, exp)
 * pair this run already used. The offset is
 * not a secret, so Math.random (the only randomness of postman-sandbox 4.7.1) is fine.
 * "Now" is the server's: the local clock plus the offset learned from the token endpoint's Date header
 * (idcloud/clock.ts), once one beyond a few seconds was seen in this run.
 */
import { AssertionTimes, assertionTimes, EXP_JITTER_SECONDS, expLane, timesKey } from '../../idcloud/claims';
import { clockOffsetMoved, clockOffsetSeconds, describeClockOffset } from '../../idcloud/clock';
import { INJECTED_VARIABLES, RUN_VARIABLES } from '../../suites/variables';
import { Host, PmResponse, textVar } from './pm';

/** Server clock minus local clock (s) as learned in this run; 0 until a skew is seen. */
export function clockOffset(host: Host): number {
  return Number(textVar(host, RUN_VARIABLES.clockOffset)) || 0;
}

/**
 * Learns the server's clock from a token-endpoint answer. Returns true when the offset moved by more than
 * the threshold (the assertion just sent was dated by a clock the server disagrees with); then, and only
 * then, logs the one line saying by how much the local clock is off.
 */
export function learnClockOffset(host: Host, response: PmResponse): boolean {
  const offset = clockOffsetSeconds(response.headers.get('Date'), host.now());
  const previous = clockOffset(host);
  if (offset === undefined || !clockOffsetMoved(previous, offset)) return false;
  host.pm.variables.set(RUN_VARIABLES.clockOffset, String(offset));
  if (offset !== 0) host.log(describeClockOffset(offset, "the token endpoint's"));
  return true;
}

/** How many recent pairs are remembered: far more than one run signs within the same second. */
const REMEMBERED_PAIRS = 64;

export function uniqueAssertionTimes(host: Host, random: () => number = Math.random): AssertionTimes {
  const nowMs = host.now() + clockOffset(host) * 1000;
  const used = textVar(host, RUN_VARIABLES.usedTimes).split(',').filter(Boolean);
  const lane = expLane(textVar(host, INJECTED_VARIABLES.expLane));
  const times = assertionTimes(nowMs, Math.floor(random() * EXP_JITTER_SECONDS), (t) => used.indexOf(timesKey(t)) !== -1, lane);
  used.push(timesKey(times));
  host.pm.variables.set(RUN_VARIABLES.usedTimes, used.slice(-REMEMBERED_PAIRS).join(','));
  return times;
}
