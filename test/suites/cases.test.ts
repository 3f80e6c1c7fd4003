/**
 * The negative-case table: every case builds, with the real sandbox signer, an assertion that breaks exactly
 * the rule it names and nothing else (checked with node:crypto), and the table is well-formed.
 */
import { negativeCaseDoc, NEGATIVE_CASE_DOCS } from '../../src/suites/case-docs';
import { constants, createHmac, createPublicKey, verify } from 'node:crypto';
import { ALLOWED_CLAIMS, BUILT_IN_ENVIRONMENTS, isUnicoErrorCode } from '../../src/idcloud';
import { EXTRA_CLAIM, IMPERSONATED_SUB, MALFORMED_ASSERTION, NEGATIVE_CASES, NegativeCase, OTHER_TENANT, tamperSignature, UNRESOLVABLE_JKU, withOtherTenant } from '../../src/suites/cases';
import { mutationTools, validAssertionParts } from '../../src/sandbox/script/mutations';
import { parseRsaPrivateKey } from '../../src/sandbox/crypto';
import { DEFAULT_MAX_INVALID_ATTEMPTS } from '../../src/suites/variables';
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
    'sub-claim': { ...VALID_CLAIMS, sub: IMPERSONATED_SUB },
    'exp-missing': { iss: TEST_ISS, aud: AUD, scope: '*', iat: NOW },
    'iat-missing': { iss: TEST_ISS, aud: AUD, scope: '*', exp: NOW + 3600 },
    'iss-missing': { aud: AUD, scope: '*', iat: NOW, exp: NOW + 3600 },
    'exp-numeric-string': { ...VALID_CLAIMS, exp: String(NOW + 3600) },
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
  test.each([['alg-none-capitalised', 'None'], ['alg-none-upper', 'NONE']])('%s: header alg %s, empty signature, valid claims', (id, alg) => {
    const jws = build(byId(id));
    expect(jws.endsWith('.')).toBe(true);
    expect(decode(jws)).toMatchObject({ header: { alg, typ: 'JWT' }, claims: VALID_CLAIMS });
  });
  test('empty signature: the RS256 header and valid claims, nothing after the last dot', () => {
    const jws = build(byId('signature-empty'));
    expect(jws.endsWith('.')).toBe(true);
    expect(decode(jws)).toMatchObject({ header: { alg: 'RS256', typ: 'JWT' }, claims: VALID_CLAIMS });
  });
  test('RS512 and PS256: correctly signed with the account key (node:crypto verifies), valid claims', () => {
    const rs = decode(build(byId('alg-rs512')));
    expect(rs.header).toEqual({ alg: 'RS512', typ: 'JWT' });
    expect(rs.claims).toEqual(VALID_CLAIMS);
    expect(verify('RSA-SHA512', Buffer.from(rs.signingInput), keys.publicKey, rs.signature)).toBe(true);
    const ps = decode(build(byId('alg-ps256')));
    expect(ps.header).toEqual({ alg: 'PS256', typ: 'JWT' });
    expect(ps.claims).toEqual(VALID_CLAIMS);
    expect(verify('sha256', Buffer.from(ps.signingInput), { key: keys.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, ps.signature)).toBe(true);
  });
  test('embedded jwk: the throwaway public key in the header, the assertion signed by it, not by the account key', () => {
    const d = decode(build(byId('jwk-embedded')));
    expect(d.claims).toEqual(VALID_CLAIMS);
    expect(d.header).toEqual({ alg: 'RS256', typ: 'JWT', jwk: other.publicKey.export({ format: 'jwk' }) });
    expect(verifiesWith(d, createPublicKey({ key: d.header.jwk as object, format: 'jwk' } as never))).toBe(true);
    expect(verifiesWith(d, keys.publicKey)).toBe(false);
  });
  test('jku: a URL on the reserved .invalid domain, signed by the throwaway key', () => {
    const d = decode(build(byId('jku-unresolvable')));
    expect(new URL(UNRESOLVABLE_JKU).hostname.endsWith('.invalid')).toBe(true);
    expect(d.header).toEqual({ alg: 'RS256', typ: 'JWT', jku: UNRESOLVABLE_JKU });
    expect(d.claims).toEqual(VALID_CLAIMS);
    expect(verifiesWith(d, other.publicKey)).toBe(true);
    expect(verifiesWith(d, keys.publicKey)).toBe(false);
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
      'exp-expired', 'iss-wrong-tenant', 'scope-missing', 'extra-claim', 'sub-claim', 'signature-tampered', 'signature-other-key',
      'malformed', 'replay', 'lifetime-over-hour', 'exp-equals-iat', 'aud-other-environment', 'aud-trailing-slash',
      'alg-rs512', 'alg-ps256', 'alg-hs256-public-key', 'alg-none', 'iat-future',
      'exp-missing', 'iat-missing', 'iss-missing', 'exp-numeric-string',
      'alg-none-capitalised', 'alg-none-upper', 'signature-empty', 'jwk-embedded', 'jku-unresolvable',
      'grant-type-wrong', 'assertion-missing', 'json-body',
    ]);
  });
  test('the default max_invalid_attempts covers every documented rule: those come first', () => {
    // Unico's documented rules (idcloud-auth.md §2, §4): its codes, then the uncoded lifetime, aud and algorithm rules.
    const documented = ['exp-expired', 'iss-wrong-tenant', 'scope-missing', 'extra-claim', 'sub-claim', 'signature-tampered', 'signature-other-key',
      'malformed', 'replay', 'lifetime-over-hour', 'exp-equals-iat', 'aud-other-environment', 'aud-trailing-slash', 'alg-rs512', 'alg-ps256'];
    const ids = NEGATIVE_CASES.map((c) => c.id);
    expect(ids.slice(0, documented.length).sort()).toEqual([...documented].sort());
    expect(documented.length).toBeLessThanOrEqual(DEFAULT_MAX_INVALID_ATTEMPTS);
  });
  test('missing or ill-typed claims accept 1.2.20/1.2.21 or no code; sub accepts 1.2.19 or 1.2.22; keys the token brings get the bad-signature codes', () => {
    for (const id of ['exp-missing', 'iat-missing', 'iss-missing', 'exp-numeric-string']) expect(byId(id).expect).toEqual({ statuses: [401], codes: ['1.2.20', '1.2.21'], codeOptional: true });
    expect(byId('sub-claim').expect.codes).toEqual(['1.2.19', '1.2.22']);
    for (const id of ['jwk-embedded', 'jku-unresolvable']) expect(byId(id).expect.codes).toEqual(['1.2.5', '1.2.21']);
    for (const id of ['alg-rs512', 'alg-ps256', 'alg-none-capitalised', 'alg-none-upper']) expect(byId(id).expect).toEqual({ statuses: [401] });
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
