import { checkPayloadForEnvironment, payloadFromIss, BasePayload } from '../../src/credentials';
import { resolveEnvironments } from '../../src/environments';
import { TEST_ISS } from '../helpers/keys';

const [uat, production, local] = resolveEnvironments(['uat', 'production', 'local=http://127.0.0.1:8080']);
const withAud = (aud?: string): BasePayload => ({ ...payloadFromIss(TEST_ISS, 'p.json'), ...(aud !== undefined ? { aud } : {}) });
const codes = (aud: string | undefined, env = uat) => checkPayloadForEnvironment(withAud(aud), env).map((p) => p.code);

describe('checkPayloadForEnvironment', () => {
  test('no aud, or the exact identity URL, is fine', () => {
    expect(codes(undefined)).toEqual([]);
    expect(codes('https://identityhomolog.acesso.io')).toEqual([]);
    expect(codes('https://identity.acesso.io', production)).toEqual([]);
    expect(codes('http://127.0.0.1:8080', local)).toEqual([]);
  });

  test('a trailing slash', () => {
    const [problem] = checkPayloadForEnvironment(withAud('https://identityhomolog.acesso.io/'), uat);
    expect(problem.code).toBe('ERR_AUD_TRAILING_SLASH');
    expect(problem.message).toBe(
      'payload file p.json: aud "https://identityhomolog.acesso.io/" ends with "/"; --env uat expects "https://identityhomolog.acesso.io" — remove the trailing slash (Unico compares aud exactly)',
    );
  });

  test('http instead of https', () => {
    expect(codes('http://identityhomolog.acesso.io')).toEqual(['ERR_AUD_NOT_HTTPS']);
    expect(checkPayloadForEnvironment(withAud('http://identity.acesso.io'), production)[0].message).toMatch(/uses http; .* use https/);
  });

  test("the other environment's host names the environment the credentials belong to", () => {
    const [problem] = checkPayloadForEnvironment(withAud('https://identity.acesso.io'), uat);
    expect(problem.code).toBe('ERR_AUD_OTHER_ENVIRONMENT');
    expect(problem.message).toMatch(/is production's identity host; --env uat expects .* probably for production: use the uat service account/);
    expect(codes('https://identityhomolog.acesso.io', production)).toEqual(['ERR_AUD_OTHER_ENVIRONMENT']);
  });

  test('the token endpoint URL instead of the origin', () => {
    expect(codes('https://identityhomolog.acesso.io/oauth2/token')).toEqual(['ERR_AUD_HAS_PATH']);
  });

  test('anything else is a plain mismatch', () => {
    expect(codes('https://example.com')).toEqual(['ERR_AUD_MISMATCH']);
    expect(codes('https://localhost:8080', local)).toEqual(['ERR_AUD_MISMATCH']);
  });

  test("Unico's host against a local environment says whose credentials they are", () => {
    expect(checkPayloadForEnvironment(withAud('https://identityhomolog.acesso.io'), local)[0].message).toMatch(/is uat's identity host; --env local expects "http:\/\/127\.0\.0\.1:8080"/);
  });
});
