/**
 * The negative-case table: every case builds, with the real sandbox signer, an assertion that breaks exactly
 * the rule it names and nothing else (checked with node:crypto), and the table is well-formed.
 */
import { negativeCaseDoc, NEGATIVE_CASE_DOCS } from '../../src/suites/case-docs';
import { createHmac, createPublicKey, verify } from 'node:crypto';
import { ALLOWED_CLAIMS, BUILT_IN_ENVIRONMENTS, isUnicoErrorCode } from '../../src/idcloud';
import { EXTRA_CLAIM, MALFORMED_ASSERTION, NEGATIVE_CASES, NegativeCase, OTHER_TENANT, tamperSignature, withOtherTenant } from '../../src/suites/cases';
import { mutationTools, validAssertionParts } from '../../src/sandbox/script/mutations';
import { parseRsaPrivateKey } from '../../src/sandbox/crypto';
import { testKeyPair, TEST_ISS } from '../helpers/keys';

const keys = testKeyPair();
const other = testKeyPair(2048, true);
const AUD = 'http://127.0.0.1:8780';
const NOW_MS = 1_800_000_000_000;
const NOW = NOW_MS / 1000;

// The "other key" comes from the real key generator in the sandbox suite's own tests; here a Node key keeps this fast.
const tools = mutationTools(parseRsaPrivateKey(keys.pkcs8Pem), BUILT_IN_ENVIRONMENTS.production.identityUrl, () => parseRsaPrivateKey(other.pkcs1Pem));

interface Decoded {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

function decode(jws: string): Decoded {
  const [h, p, s] = jws.split('.');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString('utf8')),
    claims: JSON.parse(Buffer.from(p, 'base64url').toString('utf8')),
    signingInput: `${h}.${p}`,
    signature: Buffer.from(s, 'base64url'),
  };
}

function verifiesWith(d: Decoded, publicKey: string | ReturnType<typeof createPublicKey>): boolean {
  return verify('RSA-SHA256', Buffer.from(d.signingInput), publicKey, d.signature);
}

function build(c: NegativeCase): string {
  const { header, claims } = validAssertionParts(TEST_ISS, AUD, { iat: NOW, exp: NOW + 3600 });
  return c.build(header, claims, tools);
}

function byId(id: string): NegativeCase {
  const c = NEGATIVE_CASES.find((x) => x.id === id);
  if (!c) throw new Error(`no case ${id}`);
  return c;
}

const VALID_CLAIMS = { iss: TEST_ISS, aud: AUD, scope: '*', iat: NOW, exp: NOW + 3600 };

describe('the valid assertion the cases start from', () => {
  test('has exactly the allowed claims, with the times it is given', () => {
    const { header, claims } = validAssertionParts(TEST_ISS, AUD, { iat: NOW, exp: NOW + 3600 });
    expect(header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(claims).toEqual(VALID_CLAIMS);
    expect(Object.keys(claims).sort()).toEqual([...ALLOWED_CLAIMS].sort());
  });
});

describe('each claims case changes exactly its claim and stays properly signed', () => {
  const expectedClaims: Record<string, object> = {
    'exp-expired': { ...VALID_CLAIMS, iat: NOW - 1200, exp: NOW - 600 },
    'lifetime-over-hour': { ...VALID_CLAIMS, exp: NOW + 4200 },
    'exp-equals-iat': { ...VALID_CLAIMS, iat: NOW + 10, exp: NOW + 10 },
    'iat-future': { ...VALID_CLAIMS, iat: NOW + 600, exp: NOW + 4200 },
    'aud-other-environment': { ...VALID_CLAIMS, aud: BUILT_IN_ENVIRONMENTS.production.identityUrl },
    'aud-trailing-slash': { ...VALID_CLAIMS, aud: `${AUD}/` },
    'iss-wrong-tenant': { ...VALID_CLAIMS, iss: TEST_ISS.replace('0a1b2c3d-0000-4000-8000-000000000001', OTHER_TENANT) },
    'scope-missing': { iss: TEST_ISS, aud: AUD, iat: NOW, exp: NOW + 3600 },
    'extra-claim': { ...VALID_CLAIMS, ...EXTRA_CLAIM },
  };
  test.each(Object.keys(expectedClaims))('%s', (id) => {
    const d = decode(build(byId(id)));
    expect(d.claims).toEqual(expectedClaims[id]);
    expect(d.header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(verifiesWith(d, keys.publicKey)).toBe(true);
  });
});

describe('signature and algorithm cases', () => {
  test('tampered signature: valid claims, signature no longer verifies, same length', () => {
    const d = decode(build(byId('signature-tampered')));
    expect(d.claims).toEqual(VALID_CLAIMS);
    expect(d.signature).toHaveLength(256);
    expect(verifiesWith(d, keys.publicKey)).toBe(false);
  });
  test('tamperSignature changes exactly one character, in the signature, never the last', () => {
    const jws = 'aaa.bbb.ABCDEFGHIJ';
    const t = tamperSignature(jws);
    expect(t).toHaveLength(jws.length);
    expect([...t].filter((ch, i) => ch !== jws[i])).toHaveLength(1);
    expect(t.slice(0, 8)).toBe(jws.slice(0, 8));
    expect(t.endsWith('J')).toBe(true);
  });
  test('other key: verifies with the other key, not with the account key', () => {
    const d = decode(build(byId('signature-other-key')));
    expect(d.claims).toEqual(VALID_CLAIMS);
    expect(verifiesWith(d, other.publicKey)).toBe(true);
    expect(verifiesWith(d, keys.publicKey)).toBe(false);
  });
  test('alg none: header alg none, empty signature', () => {
    const jws = build(byId('alg-none'));
    expect(jws.endsWith('.')).toBe(true);
    expect(decode(jws).header).toEqual({ alg: 'none', typ: 'JWT' });
  });
  test('HS256: HMAC-SHA256 keyed with the account public key SPKI PEM', () => {
    const d = decode(build(byId('alg-hs256-public-key')));
    expect(d.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    const mac = createHmac('sha256', keys.spkiPem).update(d.signingInput).digest();
    expect(d.signature.equals(mac)).toBe(true);
  });
  test('malformed: not a JWT at all', () => {
    expect(build(byId('malformed'))).toBe(MALFORMED_ASSERTION);
    expect(MALFORMED_ASSERTION.split('.')).toHaveLength(1);
  });
  test.each(['replay', 'grant-type-wrong', 'assertion-missing', 'json-body'])('%s sends a valid assertion (the request shape is what breaks)', (id) => {
    const d = decode(build(byId(id)));
    expect(d.claims).toEqual(VALID_CLAIMS);
    expect(verifiesWith(d, keys.publicKey)).toBe(true);
  });
});

describe('the table', () => {
  test('covers every case the issue lists, with unique ids and names', () => {
    const ids = NEGATIVE_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(NEGATIVE_CASES.map((c) => negativeCaseDoc(c.id).name)).size).toBe(ids.length);
    expect(Object.keys(NEGATIVE_CASE_DOCS)).toEqual(ids);
    expect(ids).toEqual([
      'exp-expired', 'lifetime-over-hour', 'exp-equals-iat', 'iat-future', 'aud-other-environment', 'aud-trailing-slash',
      'iss-wrong-tenant', 'scope-missing', 'extra-claim', 'signature-tampered', 'signature-other-key', 'alg-none',
      'alg-hs256-public-key', 'malformed', 'replay', 'grant-type-wrong', 'assertion-missing', 'json-body',
    ]);
  });
  test('expected codes are documented Unico codes; signature cases accept 1.2.5 or 1.2.21', () => {
    for (const c of NEGATIVE_CASES) {
      expect(c.expect.statuses.length).toBeGreaterThan(0);
      for (const code of c.expect.codes ?? []) expect(isUnicoErrorCode(code)).toBe(true);
    }
    expect(byId('signature-tampered').expect.codes).toEqual(['1.2.5', '1.2.21']);
    expect(byId('malformed').expect.codes).toEqual(['1.2.20', '1.2.21']);
    expect(byId('exp-expired').expect.codes).toEqual(['1.2.4']);
  });
  test('withOtherTenant swaps only the tenant, and differs even for the placeholder tenant', () => {
    expect(withOtherTenant('svc@abc.iam.acesso.io')).toBe(`svc@${OTHER_TENANT}.iam.acesso.io`);
    const already = `svc@${OTHER_TENANT}.iam.acesso.io`;
    expect(withOtherTenant(already)).not.toBe(already);
  });
});
