import path from 'node:path';
import { checkKeyMatchesCertificate, loadPrivateKey, CertFileNotFoundError, CertInvalidError } from '../../src/credentials';
import { otherTestKeyPair, testKeyPair } from '../helpers/keys';
import { certificateFor, hasOpenssl, makeCorpus } from './corpus';

const corpus = makeCorpus();
const key = loadPrivateKey({ file: corpus.goodKey });

describe('checkKeyMatchesCertificate', () => {
  test("the key's own public key matches", () => {
    expect(checkKeyMatchesCertificate(key, corpus.goodPublicKey)).toEqual({ kind: 'public key', problems: [] });
  });

  test("another key's public key does not", () => {
    const other = corpus.file('other.pub.pem', otherTestKeyPair().spkiPem);
    const { problems } = checkKeyMatchesCertificate(key, other);
    expect(problems.map((p) => p.code)).toEqual(['ERR_CERT_MISMATCH']);
    expect(problems[0].message).toMatch(/does not belong to the private key .*1\.2\.5\/1\.2\.21/);
  });

  test('a certificate made with openssl req -x509 matches its key, and expiry is checked', () => {
    if (!hasOpenssl()) throw new Error('openssl is needed to make the certificate');
    const cert = certificateFor(corpus.goodKey, path.join(corpus.dir, 'good.cert.pem'));
    expect(checkKeyMatchesCertificate(key, cert).problems).toEqual([]);
    const in3Years = new Date(Date.now() + 3 * 365 * 86400_000);
    expect(checkKeyMatchesCertificate(key, cert, in3Years).problems.map((p) => p.code)).toEqual(['ERR_CERT_EXPIRED']);
  });

  test('a missing or non-PEM file is a typed error', () => {
    expect(() => checkKeyMatchesCertificate(key, path.join(corpus.dir, 'none.pem'))).toThrow(CertFileNotFoundError);
    expect(() => checkKeyMatchesCertificate(key, corpus.goodPayload)).toThrow(CertInvalidError);
  });
});
