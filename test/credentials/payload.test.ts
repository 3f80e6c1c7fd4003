import {
  loadCredentials, loadPayload, parsePayload, CredentialError, AccountTooLongError, AudNotStringError, ForbiddenClaimsError,
  IssInvalidError, IssMissingError, IssNotStringError, PayloadConflictError, PayloadEmptyError, PayloadFileNotFoundError,
  PayloadMissingError, PayloadNotJsonError, PayloadNotObjectError, ScopeInvalidError, extraClaimNames,
} from '../../src/credentials';
import { TEST_ISS } from '../helpers/keys';
import { expectCredentialError, makeCorpus, thrown } from './corpus';

const corpus = makeCorpus();
const TENANT = '0a1b2c3d-0000-4000-8000-000000000001';

describe('loadPayload: accepted forms', () => {
  test("Unico's documented base payload", () => {
    const payload = loadPayload({ file: corpus.goodPayload });
    expect(payload).toEqual({
      iss: TEST_ISS, account: 'svctest', tenant: TENANT, aud: 'https://identityhomolog.acesso.io', source: corpus.goodPayload,
    });
  });

  test('a payload with iss only', () => {
    expect(parsePayload(JSON.stringify({ iss: TEST_ISS }), 'p.json')).toMatchObject({ iss: TEST_ISS, account: 'svctest' });
  });

  test('--iss alone', () => {
    expect(loadPayload({ iss: TEST_ISS })).toMatchObject({ iss: TEST_ISS, tenant: TENANT, source: '--iss' });
  });

  test('a 12-character account name is the longest allowed', () => {
    expect(loadPayload({ iss: `abcdefghijkl@${TENANT}.iam.acesso.io` }).account).toBe('abcdefghijkl');
  });

  test('flags win over IDCLOUD_PAYLOAD_FILE, which wins over IDCLOUD_ISS', () => {
    const env = { IDCLOUD_PAYLOAD_FILE: corpus.goodPayload, IDCLOUD_ISS: `other@${TENANT}.iam.acesso.io` };
    expect(loadPayload({ iss: `flag@${TENANT}.iam.acesso.io`, env }).account).toBe('flag');
    expect(loadPayload({ env }).source).toBe(corpus.goodPayload);
    expect(loadPayload({ env: { IDCLOUD_ISS: env.IDCLOUD_ISS } }).source).toBe('IDCLOUD_ISS');
  });

  test('loadCredentials joins key and payload', () => {
    const creds = loadCredentials({ payload: corpus.goodPayload, key: corpus.goodPkcs1Key });
    expect(creds).toMatchObject({ iss: TEST_ISS, account: 'svctest', tenant: TENANT });
    expect(creds.key.format).toBe('pkcs1');
  });
});

describe('loadPayload: each failure has its own class, code and remedy', () => {
  const iss = (value: unknown) => () => loadPayload({ file: corpus.payload({ iss: value, scope: '*' }) });
  const cases: Array<[string, () => unknown, new (m: string) => CredentialError, string, RegExp]> = [
    ['missing file', () => loadPayload({ file: '/nonexistent/p.json' }), PayloadFileNotFoundError, 'ERR_PAYLOAD_FILE_NOT_FOUND', /payload file \/nonexistent\/p\.json does not exist/],
    ['no payload at all', () => loadPayload({ env: {} }), PayloadMissingError, 'ERR_PAYLOAD_MISSING', /give --payload FILE .* or --iss ISS/],
    ['both --payload and --iss', () => loadPayload({ file: corpus.goodPayload, iss: TEST_ISS }), PayloadConflictError, 'ERR_PAYLOAD_CONFLICT', /not both/],
    ['empty file', () => loadPayload({ file: corpus.file('empty.json', '') }), PayloadEmptyError, 'ERR_PAYLOAD_EMPTY', /is empty/],
    ['not JSON', () => loadPayload({ file: corpus.file('bad.json', "{iss: 'x'}") }), PayloadNotJsonError, 'ERR_PAYLOAD_NOT_JSON', /bad\.json is not valid JSON/],
    ['the key file given as payload', () => loadPayload({ file: corpus.goodKey }), PayloadNotJsonError, 'ERR_PAYLOAD_NOT_JSON', /holds PEM text, not JSON; the key goes in --key/],
    ['a JSON array', () => loadPayload({ file: corpus.file('arr.json', '[1]') }), PayloadNotObjectError, 'ERR_PAYLOAD_NOT_OBJECT', /must hold a JSON object.*not an array/],
    ['iss missing', () => loadPayload({ file: corpus.payload({ scope: '*' }) }), IssMissingError, 'ERR_ISS_MISSING', /: iss is missing/],
    ['iss a number', iss(42), IssNotStringError, 'ERR_ISS_NOT_STRING', /iss must be a string .* not a number/],
    ['iss without tenant', iss('svc@iam.acesso.io'), IssInvalidError, 'ERR_ISS_INVALID', /"svc@iam\.acesso\.io" has no tenant/],
    ['iss without account', iss(`${TENANT}.iam.acesso.io`), IssInvalidError, 'ERR_ISS_INVALID', /has no account part/],
    ['iss on another domain', iss(`svc@${TENANT}.iam.example.com`), IssInvalidError, 'ERR_ISS_INVALID', /not of the form <account>@<tenant_id>\.iam\.acesso\.io/],
    ['account over 12 characters', iss(`abcdefghijklm@${TENANT}.iam.acesso.io`), AccountTooLongError, 'ERR_ACCOUNT_TOO_LONG', /"abcdefghijklm" has 13 characters; Unico allows at most 12/],
    ['--iss without tenant', () => loadPayload({ iss: 'svc@iam.acesso.io' }), IssInvalidError, 'ERR_ISS_INVALID', /^--iss "svc@iam\.acesso\.io" has no tenant/],
    ['sub', () => loadPayload({ file: corpus.payload({ iss: TEST_ISS, sub: 'u' }) }), ForbiddenClaimsError, 'ERR_PAYLOAD_FORBIDDEN_CLAIMS', /claims Unico forbids: sub \(sub asks for impersonation/],
    ['jti and nbf', () => loadPayload({ file: corpus.payload({ iss: TEST_ISS, jti: 'x', nbf: 1 }) }), ForbiddenClaimsError, 'ERR_PAYLOAD_FORBIDDEN_CLAIMS', /forbids: jti, nbf; keep only iss, aud, scope, iat, exp/],
    ['scope not *', () => loadPayload({ file: corpus.payload({ iss: TEST_ISS, scope: 'read' }) }), ScopeInvalidError, 'ERR_PAYLOAD_SCOPE', /scope is "read"; Unico requires "scope": "\*"/],
    ['aud not a string', () => loadPayload({ file: corpus.payload({ iss: TEST_ISS, aud: ['a'] }) }), AudNotStringError, 'ERR_AUD_NOT_STRING', /aud must be a string/],
  ];

  test.each(cases)('%s', (_name, fn, cls, code, message) => {
    expect(expectCredentialError(fn, cls, code, message).message).not.toContain('\n');
  });

  test('a key pasted into the payload file is never echoed', () => {
    const error = thrown(() => loadPayload({ file: corpus.goodKey }));
    for (const line of corpus.secretLines) expect(error.message).not.toContain(line);
  });
});

test("the payload file's check and the emulator judge the claim set by one rule (idcloud/claims.ts extraClaimNames)", async () => {
  const { checkClaimSet } = await import('../../src/emulator/rules');
  const base = { iss: 'svc@tenant.iam.acesso.io', aud: 'http://127.0.0.1:8780', scope: '*', iat: 1, exp: 2 };
  for (const extra of [{}, { sub: 'x' }, { jti: '1', nbf: 1 }, { custom: true }]) {
    const claims = { ...base, ...extra };
    const names = extraClaimNames(claims);
    expect(names).toEqual(Object.keys(extra));
    expect(checkClaimSet(claims, new Set())?.code === '1.2.22').toBe(names.length > 0);
  }
});
