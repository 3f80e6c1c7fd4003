/**
 * RS256 (PKCS#1 v1.5) is deterministic and Unico forbids jti, so two assertions with the same iss, aud
 * and iat are byte-identical — and Unico refuses the second as a replay (1.2.7). Every exchange in this
 * process therefore gets an iat later than the last one used for the same iss and aud, waiting for the
 * clock's next second when needed rather than dating an assertion in the future.
 */
const lastIatUsed = new Map<string, number>();

export async function freshIat(iss: string, audience: string, clock: () => number = Date.now): Promise<number> {
  const key = `${iss}\n${audience}`;
  const last = lastIatUsed.get(key);
  let nowMs = clock();
  if (last !== undefined && Math.floor(nowMs / 1000) <= last) {
    await new Promise((resolve) => setTimeout(resolve, (last + 1) * 1000 - nowMs + 5));
    nowMs = Math.max(clock(), (last + 1) * 1000);
  }
  const iat = Math.floor(nowMs / 1000);
  lastIatUsed.set(key, iat);
  return iat;
}
