/**
 * Unico allows no jti, and RS256 signatures are deterministic, so two assertions signed in the same second
 * with the same claims are byte-identical: the second would be refused as a replay (1.2.7). Every assertion
 * of a run therefore gets an iat no other assertion of the run had: now, or the nearest earlier free second
 * (an iat in the past is valid; one in the future is not).
 */
import { RUN_VARIABLES } from '../suites/variables';
import { Pm, textVar } from './flow-pm';

/** How many recent iats are remembered: far more than one run signs within the same minute. */
const REMEMBERED_IATS = 64;

export function uniqueIat(pm: Pm, nowMs: number): number {
  const used = textVar(pm, RUN_VARIABLES.usedIats).split(',').filter(Boolean).map(Number);
  let iat = Math.floor(nowMs / 1000);
  while (used.indexOf(iat) !== -1) iat -= 1;
  used.push(iat);
  pm.variables.set(RUN_VARIABLES.usedIats, used.slice(-REMEMBERED_IATS).join(','));
  return iat;
}
