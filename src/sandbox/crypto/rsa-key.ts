/** An RSA private key as BigInts (the PKCS#1 RSAPrivateKey fields), the only shape the signer works on. */
export interface RsaPrivateKey {
  /** Modulus size in bits (2048, 3072, 4096 …). */
  bits: number;
  n: bigint;
  e: bigint;
  d: bigint;
  p: bigint;
  q: bigint;
  /** d mod (p-1) */
  dp: bigint;
  /** d mod (q-1) */
  dq: bigint;
  /** q^-1 mod p */
  qinv: bigint;
}
