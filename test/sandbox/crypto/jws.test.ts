/** signJwtRs256: compact JWS identical to jose's for the same header and claims, and valid for jose. */
import { CompactSign, importPKCS8, importSPKI, jwtVerify } from 'jose';
import { encodeJwsPart, signJwtRs256 } from '../../../src/sandbox/crypto';
import { TEST_ISS, testKeyPair } from '../../helpers/keys';

const pair = testKeyPair(2048);
const iat = 1_700_000_000;
const claims = { iss: TEST_ISS, aud: 'https://identityhomolog.acesso.io', scope: '*', iat, exp: iat + 3600, note: 'ação 日本 😀' };

test('the token is byte-identical to jose CompactSign over the same JSON', async () => {
  for (const pem of [pair.pkcs8Pem, pair.pkcs1Pem]) {
    const ours = signJwtRs256(pem, claims);
    const theirs = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .sign(await importPKCS8(pair.pkcs8Pem, 'RS256'));
    expect(ours).toBe(theirs);
  }
});

test('jose jwtVerify accepts it with the public key and reads the non-ASCII claims back', async () => {
  const token = signJwtRs256(pair.pkcs1Pem, claims);
  const { payload, protectedHeader } = await jwtVerify(token, await importSPKI(pair.spkiPem, 'RS256'), {
    algorithms: ['RS256'],
    currentDate: new Date((iat + 10) * 1000),
  });
  expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT' });
  expect(payload).toEqual(claims);
});

test('the header defaults to {"alg":"RS256","typ":"JWT"} and can be replaced', () => {
  const [header] = signJwtRs256(pair.pkcs8Pem, claims).split('.');
  expect(header).toBe(encodeJwsPart({ alg: 'RS256', typ: 'JWT' }));
  expect(Buffer.from(header, 'base64url').toString()).toBe('{"alg":"RS256","typ":"JWT"}');
  const [custom] = signJwtRs256(pair.pkcs8Pem, claims, { alg: 'RS256', typ: 'JWT', kid: 'k1' }).split('.');
  expect(JSON.parse(Buffer.from(custom, 'base64url').toString())).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'k1' });
});

test('jose rejects the token under another public key', async () => {
  const token = signJwtRs256(pair.pkcs8Pem, claims);
  const other = await importSPKI(testKeyPair(2048, true).spkiPem, 'RS256');
  await expect(jwtVerify(token, other, { currentDate: new Date((iat + 10) * 1000) })).rejects.toThrow(/signature/);
});
