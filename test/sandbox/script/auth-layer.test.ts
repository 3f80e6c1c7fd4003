/**
 * The auth layer's decisions with a hand-written `pm` (fake-pm.ts) and the real signer: which requests get the
 * token, when APIKEY is added, that a cached token costs no key read and no signing, and the Vault.
 * The real sandboxes run the same code in test/e2e-collection/auth-layer.test.ts.
 */
import { applyAuthLayer, inheritsLayerAuth, productApiOf } from '../../../src/sandbox/script/auth';
import { LAYER_TEST_NAME, runPrerequest } from '../../../src/sandbox/script/prerequest';
import { MISSING_PRIVATE_KEY } from '../../../src/sandbox/script/secrets';
import { cacheEntry, cacheKey } from '../../../src/sandbox/script/token-cache';
import { RUN_VARIABLES, TOKEN_CACHE_VARIABLE } from '../../../src/suites/variables';
import { testKeyPair, TEST_ISS } from '../../helpers/keys';
import { fakeResponse, fakeRun } from './fake-pm';

const keys = testKeyPair();
const ENV = {
  identity_url: 'https://identityhomolog.acesso.io',
  unico_api_url: 'https://api.idcloud.uat.unico.app',
  client_api_url: 'https://api.id.uat.unico.app',
  sign_api_url: 'https://signhom.acesso.io',
  iss: TEST_ISS,
  private_key: keys.pkcs8Pem,
  api_key: 'the-api-key',
};
const TOKEN_OK = () => fakeResponse(200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: 3600 });
const tokenOf = (run: ReturnType<typeof fakeRun>) => run.local.get(RUN_VARIABLES.accessToken);

describe('which requests the layer serves', () => {
  test.each([
    ['by Unico', 'https://api.idcloud.uat.unico.app/client/v1/process/x', 'unico'],
    ['by Client, upper-case host, explicit port', 'HTTPS://API.ID.UAT.UNICO.APP:443/processes/v1', 'client'],
    ['sign host', '{{sign_api_url}}/api/v1/service/file/1', 'sign'],
    ['the identity host is not a product API', 'https://identityhomolog.acesso.io/oauth2/token', undefined],
    ['http instead of https', 'http://api.idcloud.uat.unico.app/client/v1/process', undefined],
    ['another port', 'https://api.idcloud.uat.unico.app:8443/client/v1/process', undefined],
    ['a look-alike host', 'https://api.idcloud.uat.unico.app.evil.example/x', undefined],
    ['production while UAT is selected', 'https://api.idcloud.unico.app/client/v1/process', undefined],
  ])('%s', (_name, url, product) => {
    const run = fakeRun({ environment: ENV, url });
    expect(productApiOf(run.host, run.pm.variables.replaceIn(url))).toBe(product);
  });

  test('"inherits" is no auth of its own, or a bearer on the layer\'s own variable; anything else is the user\'s', () => {
    expect(inheritsLayerAuth(undefined)).toBe(true);
    expect(inheritsLayerAuth(null)).toBe(true);
    expect(inheritsLayerAuth({ toJSON: () => ({ type: 'bearer', bearer: [{ key: 'token', value: '{{idcloud_access_token}}' }] }) })).toBe(true);
    expect(inheritsLayerAuth({ toJSON: () => ({ type: 'noauth' }) })).toBe(false);
    expect(inheritsLayerAuth({ toJSON: () => ({ type: 'bearer', bearer: [{ key: 'token', value: 'mine' }] }) })).toBe(false);
    expect(inheritsLayerAuth({ toJSON: () => ({ type: 'basic' }) })).toBe(false);
  });
});

describe("the user's own requests", () => {
  test('a product request gets the token, exchanged once, then cached; by Client also APIKEY as a reference', () => {
    const run = fakeRun({ environment: ENV, url: '{{client_api_url}}/processes/v1/abc', answers: [TOKEN_OK()] });
    runPrerequest(run.host);
    expect(tokenOf(run)).toBe('tok-1');
    expect(run.requestHeaders.get('APIKEY')).toBe('{{api_key}}');
    expect(run.sent).toHaveLength(1);
    expect(run.tests).toEqual([]);
    runPrerequest(run.host);
    expect(run.sent).toHaveLength(1);
    expect(tokenOf(run)).toBe('tok-1');
  });

  test('an APIKEY header of its own (any case) is kept; by Unico gets none', () => {
    const run = fakeRun({ environment: ENV, url: '{{client_api_url}}/processes/v1', headers: { apikey: 'mine' }, answers: [TOKEN_OK()] });
    runPrerequest(run.host);
    expect([...run.requestHeaders]).toEqual([['apikey', 'mine']]);
    const unico = fakeRun({ environment: ENV, url: '{{unico_api_url}}/client/v1/process', answers: [TOKEN_OK()] });
    runPrerequest(unico.host);
    expect(unico.requestHeaders.size).toBe(0);
  });

  test('a foreign origin gets an empty token and no APIKEY, and nothing is signed or exchanged', () => {
    const run = fakeRun({ environment: ENV, url: 'https://example.com/hook' });
    run.local.set(RUN_VARIABLES.accessToken, 'left-over-from-before');
    runPrerequest(run.host);
    expect(tokenOf(run)).toBe('');
    expect(run.requestHeaders.size).toBe(0);
    expect(run.sent).toEqual([]);
  });

  test('own auth (noauth, own bearer) is left alone: no token, no APIKEY, no exchange', () => {
    for (const auth of [{ toJSON: () => ({ type: 'noauth' }) }, { toJSON: () => ({ type: 'bearer', bearer: [{ key: 'token', value: 'x' }] }) }]) {
      const run = fakeRun({ environment: ENV, url: '{{client_api_url}}/processes/v1', auth });
      runPrerequest(run.host);
      expect(tokenOf(run)).toBe('');
      expect(run.requestHeaders.size).toBe(0);
      expect(run.sent).toEqual([]);
    }
  });

  test('a cached token costs no key: it is served with a private_key that would not even parse', () => {
    const run = fakeRun({ environment: { ...ENV, private_key: 'NOT A KEY' }, url: '{{unico_api_url}}/client/v1/process' });
    run.environment.set(TOKEN_CACHE_VARIABLE, JSON.stringify(cacheEntry(cacheKey(ENV.identity_url, TEST_ISS), 'cached-tok', 3600, run.clock.now)));
    runPrerequest(run.host);
    expect(tokenOf(run)).toBe('cached-tok');
    expect(run.tests).toEqual([]);
    expect(run.sent).toEqual([]);
  });

  test('no key anywhere: a failing test naming private_key and the Vault, and no exchange', () => {
    const run = fakeRun({ environment: { ...ENV, private_key: '' }, url: '{{unico_api_url}}/client/v1/process' });
    runPrerequest(run.host);
    expect(run.tests).toEqual([{ name: LAYER_TEST_NAME, failure: MISSING_PRIVATE_KEY }]);
    expect(tokenOf(run)).toBe('');
    expect(run.sent).toEqual([]);
  });
});

describe('the Postman Vault', () => {
  test('an empty private_key and api_key are read from the Vault; the APIKEY header then carries the value', async () => {
    const run = fakeRun({
      environment: { ...ENV, private_key: '', api_key: '' },
      url: '{{client_api_url}}/processes/v1',
      answers: [TOKEN_OK()],
      vault: { idcloud_private_key: keys.pkcs1Pem, idcloud_api_key: 'vault-api-key' },
    });
    const done = new Promise((resolve) => applyAuthLayer(run.host, { apiKey: true, testName: 'x' }, resolve));
    expect(await done).toBe('token');
    expect(tokenOf(run)).toBe('tok-1');
    expect(run.requestHeaders.get('APIKEY')).toBe('vault-api-key');
    expect(run.sent).toHaveLength(1);
  });

  test('a Vault that refuses (script access off) reads as empty: the failure says where to put the key', async () => {
    const run = fakeRun({ environment: { ...ENV, private_key: '' }, url: '{{unico_api_url}}/client/v1/process' });
    run.pm.vault = { get: () => Promise.reject(new Error('Vault access denied')) };
    const done = new Promise((resolve) => applyAuthLayer(run.host, { apiKey: true, testName: 'x' }, resolve));
    expect(await done).toBe('failed');
    expect(run.tests).toEqual([{ name: 'x', failure: MISSING_PRIVATE_KEY }]);
  });

  test('the variable wins over the Vault', async () => {
    const run = fakeRun({ environment: ENV, url: '{{client_api_url}}/processes/v1', answers: [TOKEN_OK()], vault: { idcloud_api_key: 'vault-api-key' } });
    await new Promise((resolve) => applyAuthLayer(run.host, { apiKey: true, testName: 'x' }, resolve));
    expect(run.requestHeaders.get('APIKEY')).toBe('{{api_key}}');
  });
});

describe('a request the user adds inside the noauth Token folders (issue 16)', () => {
  test.each([
    [['idcloud', 'Token', 'My check of the API'], 0],
    [['idcloud', 'Token errors', 'My check of the API'], 0],
    // Elsewhere the same request gets the layer's token.
    [['idcloud', 'API', 'My check of the API'], 1],
    [['idcloud', 'Mine', 'Token', 'My check of the API'], 1],
    // A top-level request named Token is not in the folder.
    [['idcloud', 'Token'], 1],
  ])('%j: %d exchange(s)', (location, exchanges) => {
    const run = fakeRun({ environment: ENV, url: '{{unico_api_url}}/client/v1/process/x', answers: [TOKEN_OK()], location });
    runPrerequest(run.host);
    expect(run.sent).toHaveLength(exchanges);
    expect(tokenOf(run) ?? '').toBe(exchanges ? 'tok-1' : '');
  });
});
