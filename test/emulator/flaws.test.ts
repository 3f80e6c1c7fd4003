/**
 * Flaw switches: each one relaxes exactly its own rule. For every flaw F (and for none), an emulator with
 * only F on is probed with every flaw's probe; only F's probe may come out relaxed.
 */
import { constants, sign } from 'node:crypto';
import { EMULATOR_FLAWS, EmulatorFlaw, RunningEmulator } from '../../src/emulator';
import { JWT_BEARER_GRANT_TYPE } from '../../src/idcloud/hosts';
import { otherTestKeyPair, testKeyPair } from '../helpers/keys';
import { accessToken, claims, clientProcessBody, exchange, FORM, issAt, nowSeconds, postForm, postJson, request, signHs256, signRs256, startTestEmulator, unicoProcessBody, unsigned } from './support';

const otherPair = otherTestKeyPair();
const otherKey = otherPair.privateKey;
const accepted = async (pending: Promise<{ status: number }>) => (await pending).status === 200;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const withHeader = (header: object, payload: object, signature = '') => `${b64(header)}.${b64(payload)}.${signature}`;
const without = (payload: Record<string, unknown>, name: string) => {
  const copy = { ...payload };
  delete copy[name];
  return copy;
};
/** RS512 / PS256 with the account key (node:crypto): correct signatures of an algorithm Unico refuses. */
function signOtherAlg(alg: 'RS512' | 'PS256', payload: object): string {
  const input = `${b64({ alg, typ: 'JWT' })}.${b64(payload)}`;
  const key = alg === 'RS512' ? testKeyPair().privateKey : { key: testKeyPair().privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
  return `${input}.${sign(alg === 'RS512' ? 'sha512' : 'sha256', Buffer.from(input), key).toString('base64url')}`;
}

/**
 * Flaws whose probe another flaw also lets through, by nature: a server that skips signature checks trusts
 * every bad signature, whatever key the token brings or points to.
 */
const ALSO_RELAXED: Partial<Record<EmulatorFlaw, EmulatorFlaw[]>> = {
  'accept-bad-signature': ['accept-empty-signature', 'trust-embedded-jwk', 'trust-jku'],
};

/** Each probe sends what its flaw should let through, and says whether it was let through. */
const probes: Record<EmulatorFlaw, (url: string) => Promise<boolean>> = {
  'accept-expired': (url) => {
    const iat = nowSeconds() - 7200;
    return accepted(exchange(url, signRs256(claims(url, { iat, exp: iat + 3600 }))));
  },
  'accept-long-lifetime': async (url) => {
    const iat = nowSeconds();
    const long = await accepted(exchange(url, signRs256(claims(url, { iat, exp: iat + 7200 }))));
    const zero = await accepted(exchange(url, signRs256(claims(url, { iat: iat + 5, exp: iat + 5 }))));
    return long && zero;
  },
  'accept-future-iat': (url) => {
    const iat = nowSeconds() + 600;
    return accepted(exchange(url, signRs256(claims(url, { iat, exp: iat + 600 }))));
  },
  'accept-any-aud': async (url) =>
    (await accepted(exchange(url, signRs256(claims(url, { aud: 'https://identityhomolog.acesso.io' }))))) &&
    accepted(exchange(url, signRs256(claims(url, { aud: `${url}/` })))),
  'accept-wrong-tenant': (url) => accepted(exchange(url, signRs256(claims(url, { iss: issAt('svctest', 'ffffffff-0000-4000-8000-00000000000f') })))),
  'accept-missing-scope': (url) => {
    const { scope: _scope, ...noScope } = claims(url);
    return accepted(exchange(url, signRs256(noScope)));
  },
  'accept-extra-claims': (url) => accepted(exchange(url, signRs256(claims(url, { sub: 'someone', jti: 'x' })))),
  'accept-bad-signature': (url) => accepted(exchange(url, signRs256(claims(url), otherKey))),
  'accept-alg-none': (url) => accepted(exchange(url, unsigned(claims(url)))),
  'accept-hs256': (url) => accepted(exchange(url, signHs256(claims(url), testKeyPair().spkiPem))),
  'accept-alg-none-variants': async (url) =>
    (await accepted(exchange(url, withHeader({ alg: 'None', typ: 'JWT' }, claims(url))))) &&
    accepted(exchange(url, withHeader({ alg: 'NONE', typ: 'JWT' }, claims(url)))),
  'accept-any-rsa-alg': async (url) =>
    (await accepted(exchange(url, signOtherAlg('RS512', claims(url))))) && accepted(exchange(url, signOtherAlg('PS256', claims(url)))),
  'accept-empty-signature': (url) => accepted(exchange(url, withHeader({ alg: 'RS256', typ: 'JWT' }, claims(url)))),
  'trust-embedded-jwk': (url) =>
    accepted(exchange(url, signRs256(claims(url), otherKey, { alg: 'RS256', typ: 'JWT', jwk: otherPair.publicKey.export({ format: 'jwk' }) }))),
  'trust-jku': (url) => accepted(exchange(url, signRs256(claims(url), otherKey, { alg: 'RS256', typ: 'JWT', jku: 'https://keys.example.invalid/jwks.json' }))),
  'accept-missing-iss': (url) => accepted(exchange(url, signRs256(without(claims(url), 'iss')))),
  'accept-missing-iat': (url) => accepted(exchange(url, signRs256(without(claims(url), 'iat')))),
  'accept-missing-exp': (url) => accepted(exchange(url, signRs256(without(claims(url), 'exp')))),
  'accept-string-times': (url) => {
    const iat = nowSeconds();
    return accepted(exchange(url, signRs256(claims(url, { iat: String(iat), exp: String(iat + 1800) }))));
  },
  'accept-malformed': (url) => accepted(exchange(url, 'definitely not a jwt')),
  'accept-replay': async (url) => {
    const assertion = signRs256(claims(url));
    await exchange(url, assertion);
    return accepted(exchange(url, assertion));
  },
  'accept-any-grant-type': async (url) =>
    (await accepted(postForm(url, { assertion: signRs256(claims(url)) }))) &&
    accepted(postForm(url, { grant_type: 'password', assertion: signRs256(claims(url)) })),
  'accept-json-body': (url) =>
    accepted(request(`${url}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: JWT_BEARER_GRANT_TYPE, assertion: signRs256(claims(url)) }),
    })),
  'accept-any-api-token': async (url) =>
    (await accepted(postJson(`${url}/client/v1/process`, unicoProcessBody()))) &&
    accepted(postJson(`${url}/client/v1/process`, unicoProcessBody(), { Authorization: 'Bearer garbage' })),
  'accept-missing-apikey': async (url) =>
    accepted(postJson(`${url}/processes/v1`, clientProcessBody(), { Authorization: `Bearer ${await accessToken(url)}` })),
  'server-error-on-expired': async (url) => {
    const iat = nowSeconds() - 7200;
    return (await exchange(url, signRs256(claims(url, { iat, exp: iat + 3600 })))).status === 500;
  },
  'no-error-code': async (url) => {
    const iat = nowSeconds() - 7200;
    const result = await exchange(url, signRs256(claims(url, { iat, exp: iat + 3600 })));
    return result.status === 401 && result.json?.error_description === 'Falha na autenticação';
  },
};

const flaws = Object.keys(EMULATOR_FLAWS) as EmulatorFlaw[];

test('every flaw named in flaws.ts has a probe', () => {
  expect(Object.keys(probes).sort()).toEqual([...flaws].sort());
});

describe.each([undefined, ...flaws])('with flaw %s', (flaw) => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ flaws: flaw ? [flaw] : [] });
  });
  afterAll(() => emulator.close());

  test(flaw ? `relaxes ${flaw} and nothing else` : 'relaxes nothing', async () => {
    const relaxed: string[] = [];
    for (const name of flaws) if (await probes[name](emulator.url)) relaxed.push(name);
    const expected = flaw ? flaws.filter((name) => name === flaw || (ALSO_RELAXED[flaw] ?? []).includes(name)) : [];
    expect(relaxed).toEqual(expected);
  });
});

test('the JSON body flaw still requires the form fields to be right', async () => {
  const emulator = await startTestEmulator({ flaws: ['accept-json-body'] });
  try {
    const result = await request(`${emulator.url}/oauth2/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[1' });
    expect(result.status).toBe(400);
    expect((await request(`${emulator.url}/oauth2/token`, { method: 'POST', headers: { 'Content-Type': FORM }, body: 'x=1' })).status).toBe(400);
  } finally {
    await emulator.close();
  }
});
