/**
 * RS256 signatures of the sandbox signer are byte-identical to node:crypto's sign('sha256', …) — PKCS#1 v1.5
 * is deterministic — for 2048/3072/4096-bit keys in PKCS#1 and PKCS#8 PEM, and verify with jose.
 */
import { createPublicKey, randomBytes, sign, verify } from 'node:crypto';
import { compactVerify, importSPKI } from 'jose';
import { base64urlEncode, parseRsaPrivateKey, publicKeySpkiPem, signRs256, utf8Encode, verifyRs256 } from '../../../src/sandbox/crypto';
import { testKeyPair } from '../../helpers/keys';

const MESSAGES = ['', 'a', 'header.payload', 'olá, não — ação 日本語 😀', 'x'.repeat(10_000)];

describe.each([2048, 3072, 4096])('%i-bit key', (bits) => {
  const pair = testKeyPair(bits);

  test.each(['pkcs1Pem', 'pkcs8Pem'] as const)('%s: parses to the same numbers node:crypto sees', (format) => {
    const key = parseRsaPrivateKey(pair[format]);
    const jwk = pair.privateKey.export({ format: 'jwk' });
    const big = (b64url: string | undefined): bigint => BigInt('0x' + Buffer.from(b64url ?? '', 'base64url').toString('hex'));
    expect(key.bits).toBe(bits);
    expect(key).toMatchObject({ n: big(jwk.n), e: big(jwk.e), d: big(jwk.d), p: big(jwk.p), q: big(jwk.q) });
    expect(key).toMatchObject({ dp: big(jwk.dp), dq: big(jwk.dq), qinv: big(jwk.qi) });
  });

  test.each(['pkcs1Pem', 'pkcs8Pem'] as const)('%s: signatures are byte-identical to node:crypto', (format) => {
    const key = parseRsaPrivateKey(pair[format]);
    for (const message of [...MESSAGES, randomBytes(37).toString('latin1')]) {
      const data = utf8Encode(message);
      const ours = Buffer.from(signRs256(key, data));
      expect(ours.toString('hex')).toBe(sign('sha256', data, pair.privateKey).toString('hex'));
      expect(verify('sha256', data, pair.publicKey, ours)).toBe(true);
      expect(verifyRs256(key, data, ours)).toBe(true);
    }
  });

  test('a JWS built from our signature verifies with jose', async () => {
    const key = parseRsaPrivateKey(pair.pkcs8Pem);
    const input = base64urlEncode(utf8Encode('{"alg":"RS256"}')) + '.' + base64urlEncode(utf8Encode('{"msg":"não"}'));
    const jws = input + '.' + base64urlEncode(signRs256(key, utf8Encode(input)));
    const { payload } = await compactVerify(jws, await importSPKI(pair.spkiPem, 'RS256'));
    expect(new TextDecoder().decode(payload)).toBe('{"msg":"não"}');
  });

  test('publicKeySpkiPem equals node:crypto SPKI export', () => {
    expect(publicKeySpkiPem(parseRsaPrivateKey(pair.pkcs1Pem))).toBe(pair.spkiPem);
  });
});

test('verifyRs256 rejects a signature over other data or from another key', () => {
  const key = parseRsaPrivateKey(testKeyPair(2048).pkcs8Pem);
  const signature = signRs256(key, utf8Encode('one'));
  expect(verifyRs256(key, utf8Encode('two'), signature)).toBe(false);
  const other = createPublicKey(testKeyPair(2048, true).spkiPem).export({ format: 'jwk' });
  const otherKey = { n: BigInt('0x' + Buffer.from(other.n!, 'base64url').toString('hex')), e: 65537n };
  expect(verifyRs256(otherKey, utf8Encode('one'), signature)).toBe(false);
});
