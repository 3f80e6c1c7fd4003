/**
 * Every documented token-endpoint answer: one test per Unico code and per uncoded 401, each with an
 * assertion signed by node:crypto, asserting status and exact body.
 */
import type { RunningEmulator } from '../../src/emulator';
import { otherTestKeyPair, TEST_ISS, testKeyPair } from '../helpers/keys';
import { claims, exchange, issAt, nowSeconds, PT, signHs256, signRs256, startTestEmulator, unsigned } from './support';

let emulator: RunningEmulator;
let url: string;
beforeAll(async () => {
  emulator = await startTestEmulator();
  url = emulator.url;
});
afterAll(() => emulator.close());

async function expectCode(assertion: string, code?: string): Promise<void> {
  const result = await exchange(url, assertion);
  expect({ status: result.status, body: result.json }).toEqual({ status: 401, body: PT(code) });
}

describe('a valid assertion', () => {
  test('gets 200 with a Bearer access token and expires_in 3600', async () => {
    const result = await exchange(url, signRs256(claims(url)));
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/), token_type: 'Bearer', expires_in: 3600 });
  });

  test('is accepted with aud http://localhost:PORT too', async () => {
    const result = await exchange(url, signRs256(claims(url.replace('127.0.0.1', 'localhost'))));
    expect(result.status).toBe(200);
  });
});

describe('coded 401s', () => {
  test('1.0.1: unknown tenant in iss', () => expectCode(signRs256(claims(url, { iss: issAt('svctest', 'ffffffff-0000-4000-8000-000000000009') })), '1.0.1'));
  test('1.0.1: iss not in the documented shape', () => expectCode(signRs256(claims(url, { iss: 'svctest@example.com' })), '1.0.1'));
  test('1.2.5: unknown account at a known tenant', () => expectCode(signRs256(claims(url, { iss: issAt('nobody') })), '1.2.5'));
  test('1.0.14: application not active', () => expectCode(signRs256(claims(url, { iss: issAt('appinactive') })), '1.0.14'));
  test('1.1.1: scope missing', async () => {
    const { scope, ...noScope } = claims(url);
    expect(scope).toBe('*');
    await expectCode(signRs256(noScope), '1.1.1');
  });
  test('1.1.1: scope empty', () => expectCode(signRs256(claims(url, { scope: '' })), '1.1.1'));
  test('1.2.14: scope other than "*"', () => expectCode(signRs256(claims(url, { scope: 'read' })), '1.2.14'));
  test('1.2.4: exp in the past', () => {
    const iat = nowSeconds() - 7200;
    return expectCode(signRs256(claims(url, { iat, exp: iat + 3600 })), '1.2.4');
  });
  test('1.2.4: exp equal to now', () => {
    const iat = nowSeconds() - 3600;
    return expectCode(signRs256(claims(url, { iat, exp: iat + 3600 })), '1.2.4');
  });
  test('1.2.6: key revoked', () => expectCode(signRs256(claims(url, { iss: issAt('revoked') })), '1.2.6'));
  test('1.2.7: the same assertion twice', async () => {
    const assertion = signRs256(claims(url));
    expect((await exchange(url, assertion)).status).toBe(200);
    await expectCode(assertion, '1.2.7');
  });
  test('1.2.11: account disabled', () => expectCode(signRs256(claims(url, { iss: issAt('disabled') })), '1.2.11'));
  test('1.2.14: account without permission', () => expectCode(signRs256(claims(url, { iss: issAt('noperm') })), '1.2.14'));
  test('1.2.18: account locked', () => expectCode(signRs256(claims(url, { iss: issAt('locked') })), '1.2.18'));
  test('1.2.20: not a JWT', () => expectCode('this-is-not-a-jwt', '1.2.20'));
  test('1.2.20: two segments', () => expectCode('eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0', '1.2.20'));
  test('1.2.20: payload is not JSON', () => expectCode(`${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from('not json').toString('base64url')}.c2ln`, '1.2.20'));
  test('1.2.20: iss missing', () => {
    const { iss, ...rest } = claims(url);
    expect(iss).toBe(TEST_ISS);
    return expectCode(signRs256(rest), '1.2.20');
  });
  test('1.2.20: iat as a string', () => expectCode(signRs256(claims(url, { iat: String(nowSeconds()) })), '1.2.20'));
  test('1.2.20: exp not an integer', () => expectCode(signRs256(claims(url, { exp: nowSeconds() + 60.5 })), '1.2.20'));
  test('1.2.21: signed with another private key', () => {
    return expectCode(signRs256(claims(url), otherTestKeyPair().privateKey), '1.2.21');
  });
  test('1.2.21: payload changed after signing', () => {
    const [h, , s] = signRs256(claims(url)).split('.');
    const forged = Buffer.from(JSON.stringify(claims(url, { scope: '*', iss: TEST_ISS }))).toString('base64url');
    return expectCode(`${h}.${forged}.${s}`, '1.2.21');
  });
  test('1.2.22: extra claim sub', () => expectCode(signRs256(claims(url, { sub: 'someone' })), '1.2.22'));
  test('1.2.22: extra claim jti', () => expectCode(signRs256(claims(url, { jti: 'abc' })), '1.2.22'));
  test('1.2.22: extra claim nbf', () => expectCode(signRs256(claims(url, { nbf: nowSeconds() })), '1.2.22'));
});

describe('uncoded 401s', () => {
  test('aud of UAT', () => expectCode(signRs256(claims(url, { aud: 'https://identityhomolog.acesso.io' }))));
  test('aud with a trailing slash', () => expectCode(signRs256(claims(url, { aud: `${url}/` }))));
  test('aud with https', () => expectCode(signRs256(claims(url, { aud: url.replace('http:', 'https:') }))));
  test('aud of another port', () => expectCode(signRs256(claims(url, { aud: `http://127.0.0.1:${emulator.port === 1 ? 2 : 1}` }))));
  test('alg none', () => expectCode(unsigned(claims(url))));
  test('HS256 keyed with the public key', () => expectCode(signHs256(claims(url), testKeyPair().spkiPem)));
  test('RS512', () => {
    const assertion = signRs256(claims(url), testKeyPair().privateKey, { alg: 'RS512', typ: 'JWT' });
    return expectCode(assertion);
  });
  test('typ other than JWT', () => expectCode(signRs256(claims(url), testKeyPair().privateKey, { alg: 'RS256', typ: 'at+jwt' })));
  test('lifetime above 3600 s', () => {
    const iat = nowSeconds();
    return expectCode(signRs256(claims(url, { iat, exp: iat + 3601 })));
  });
  test('exp equal to iat', () => {
    const iat = nowSeconds();
    return expectCode(signRs256(claims(url, { iat, exp: iat })));
  });
  test('exp before iat', () => {
    const iat = nowSeconds();
    return expectCode(signRs256(claims(url, { iat, exp: iat - 10 })));
  });
  test('iat more than 30 s in the future', () => {
    const iat = nowSeconds() + 120;
    return expectCode(signRs256(claims(url, { iat, exp: iat + 600 })));
  });
});

test('iat within the 30 s skew is accepted', async () => {
  const iat = nowSeconds() + 10;
  const result = await exchange(url, signRs256(claims(url, { iat, exp: iat + 600 })));
  expect(result.status).toBe(200);
});

test('exactly 3600 s of lifetime is accepted', async () => {
  const iat = nowSeconds();
  const result = await exchange(url, signRs256(claims(url, { iat, exp: iat + 3600 })));
  expect({ status: result.status, body: result.json }).toEqual({ status: 200, body: expect.anything() });
});

test('1.2.7 under concurrency: the same assertion sent 10 times at once is accepted exactly once', async () => {
  const assertion = signRs256(claims(url));
  const results = await Promise.all(Array.from({ length: 10 }, () => exchange(url, assertion)));
  expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  expect(results.filter((r) => r.json?.error_description === PT('1.2.7').error_description)).toHaveLength(9);
});
