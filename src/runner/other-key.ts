/**
 * The "signed by another key" negative case needs an RSA key that is not the account's. Generated inside
 * Postman's sandbox (BigInt, Math.random) it costs 150–500 ms of a run's CPU; node:crypto makes one on the
 * libuv thread pool, in parallel with loading Newman. So the runner makes one throwaway 2048-bit key per
 * process, lazily and only for runs that send the errors suite, and injects it as a Newman envVar: it is
 * never written anywhere, and it joins the run's SecretSet like the account key.
 */
import { generateKeyPair } from 'node:crypto';

let pending: Promise<string> | undefined;

/** The process's throwaway "other" private key (PKCS#8 PEM); generated on first call, then reused. */
export function throwawayOtherKeyPem(): Promise<string> {
  if (!pending) {
    pending = new Promise<string>((resolve, reject) => {
      generateKeyPair('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }, (error, _publicKey, privateKey) =>
        error ? reject(error) : resolve(privateKey),
      );
    });
    // A failed generation is not cached: the next run tries again (the sandbox falls back to its own keygen).
    pending.catch(() => (pending = undefined));
  }
  return pending;
}
