/**
 * iat and exp of every assertion this process signs, by Unico's rule (src/idcloud/claims.ts `assertionTimes`):
 * iat now — never back-dated, and no waiting for the next second — and exp = iat + 3600 − a random offset,
 * never an (iat, exp) pair this process already used for the same iss and aud, and only in the Node signer's own
 * exp lane (NODE_SIGNER_LANE), which the runner never gives to the Newman runs beside it. Another process signing
 * in the same second draws its own offset, so their assertions differ too.
 */
import { randomInt } from 'node:crypto';
import { AssertionTimes, assertionTimes, EXP_JITTER_SECONDS, NODE_SIGNER_LANE, timesKey } from '../idcloud/claims';

/** Per iss + aud, the pairs used in the current second: only those can collide with a new iat = now. */
const usedPairs = new Map<string, { iat: number; keys: Set<string> }>();

export function freshAssertionTimes(
  iss: string,
  audience: string,
  clock: () => number = Date.now,
  randomOffset: () => number = () => randomInt(EXP_JITTER_SECONDS),
): AssertionTimes {
  const account = `${iss}\n${audience}`;
  const iat = Math.floor(clock() / 1000);
  let used = usedPairs.get(account);
  if (!used || used.iat !== iat) {
    used = { iat, keys: new Set() };
    usedPairs.set(account, used);
  }
  const inSecond = used.keys;
  const times = assertionTimes(iat * 1000, randomOffset(), (t) => inSecond.has(timesKey(t)), NODE_SIGNER_LANE);
  inSecond.add(timesKey(times));
  return times;
}
