/**
 * The auth layer as users meet it (issue 9): requests added to a generated collection the way the Postman app
 * saves them — no auth of their own, no case header — authenticate by themselves, with one token exchange for
 * the whole run; a `noauth` request and a request with its own bearer are left alone; a foreign origin gets
 * neither the token nor the APIKEY. Real runs in newman 6.2.2 and postman-runtime 7.56.1, a real emulator, a
 * recording reverse proxy standing in for the product API hosts and a second recording server as the foreign
 * origin. Then the Postman Vault (postman-runtime 7.56.1 only: Newman has none).
 */
import { FOLDERS } from '../../src/collection';
import { MISSING_PRIVATE_KEY } from '../../src/sandbox/script/secrets';
import { LAYER_TEST_NAME } from '../../src/sandbox/script/prerequest';
import { BOTH_RUNTIMES, runLatestRuntime, RunOptions, RunResult } from '../helpers/postman-runtimes';
import { API_KEY, keys, onlyFolders, RecordingServer, setUp, Setup, startRecordingServer } from './support';

const ADDED = 'My requests';
const SOME_ID = '6f1c2a3b-0000-4000-8000-0000000000aa';

/**
 * A request as the Postman app saves it: no `auth` key (inherits), no case header; with a test of the user's own
 * that checks what the product API said of its auth (`refused`: 401/403 expected; `accepted`: anything else).
 */
function added(name: string, url: string, expectAuth: 'accepted' | 'refused' | 'any', extra: Record<string, unknown> = {}): object {
  const check = expectAuth === 'any' ? '' : `var refused = pm.response.code === 401 || pm.response.code === 403; if (refused !== ${expectAuth === 'refused'}) throw new Error('got ' + pm.response.code);`;
  return {
    name,
    request: { method: 'GET', header: [], url, ...extra },
    event: [{ listen: 'test', script: { type: 'text/javascript', exec: [`pm.test('${name}: my own test', function () { ${check} });`] } }],
  };
}

function withAddedFolder(collection: object, foreignUrl: string): object {
  const c = collection as { item: object[] };
  const folder = {
    name: ADDED,
    item: [
      added('unico inherits', `{{unico_api_url}}/client/v1/process/${SOME_ID}`, 'accepted'),
      added('client inherits, no APIKEY', `{{client_api_url}}/processes/v1/${SOME_ID}`, 'accepted'),
      added('sign inherits', `{{sign_api_url}}/api/v1/service/file/${SOME_ID}`, 'accepted'),
      // Origins are compared, not texts: an upper-case scheme is the same origin.
      added('unico, upper-case scheme', `{{unico_upper}}/client/v1/process/${SOME_ID}`, 'accepted'),
      added('noauth', `{{unico_api_url}}/client/v1/process/${SOME_ID}`, 'refused', { auth: { type: 'noauth' } }),
      added('own bearer', `{{unico_api_url}}/client/v1/process/${SOME_ID}`, 'refused', { auth: { type: 'bearer', bearer: [{ key: 'token', value: 'my-own-token', type: 'string' }] } }),
      added('foreign origin', `${foreignUrl}/hello`, 'any'),
      added('foreign origin via a variable', '{{foreign_url}}/hello', 'any'),
    ],
  };
  return { ...c, item: [...c.item, folder] };
}

interface LayerRun {
  setup: Setup;
  product: RecordingServer;
  foreign: RecordingServer;
  result: RunResult;
}

/**
 * A fresh emulator behind a recording proxy (all three product URLs point at it), a foreign server, one run of
 * the added folder (after the generated `folders`, if any).
 */
async function layerRun(run: (c: object, o: RunOptions) => Promise<RunResult>, extra: Record<string, string> = {}, vaultSecrets?: Record<string, string>, folders: string[] = []): Promise<LayerRun> {
  const setup = await setUp();
  const product = await startRecordingServer(setup.emulator.url);
  const foreign = await startRecordingServer();
  const envValues = {
    ...setup.envValues,
    unico_api_url: product.url,
    client_api_url: product.url,
    sign_api_url: product.url,
    unico_upper: product.url.replace('http://', 'HTTP://'),
    foreign_url: foreign.url,
    ...extra,
  };
  try {
    const result = await run(onlyFolders(withAddedFolder(setup.files.collection, foreign.url), [...folders, ADDED]), { envValues, vaultSecrets });
    return { setup, product, foreign, result };
  } finally {
    await Promise.all([setup.emulator.close(), product.close(), foreign.close()]);
  }
}

const byPath = (seen: RecordingServer['seen']) => (fragment: string) => seen.filter((s) => s.path.includes(fragment));

describe.each(BOTH_RUNTIMES)('%s', (_name, run) => {
  test('added requests: product origins get the cached token (one exchange), noauth/own auth are left alone, foreign origins get nothing', async () => {
    const { setup, product, foreign, result } = await layerRun(run);
    expect(result.failures).toEqual([]);
    // The user's own tests still run, after ours; the layer adds one check to each request it gave a token (issue 20).
    expect(result.assertions).toBe(12);
    expect(setup.emulator.stats().tokenExchanges).toBe(1);
    const at = byPath(product.seen);
    const layered = [...at('/client/v1/process/'), ...at('/processes/v1/'), ...at('/api/v1/service/file/')].filter((s) => s.authorization?.startsWith('Bearer ey'));
    // unico, upper-case scheme, client, sign: the same token each time.
    expect(layered).toHaveLength(4);
    expect(new Set(layered.map((s) => s.authorization)).size).toBe(1);
    expect(at('/processes/v1/').map((s) => s.apikey)).toEqual([API_KEY]);
    const unico = at('/client/v1/process/').map((s) => s.authorization);
    expect(unico.filter((a) => a === undefined)).toHaveLength(1);
    expect(unico.filter((a) => a === 'Bearer my-own-token')).toHaveLength(1);
    expect(foreign.seen).toEqual([
      { method: 'GET', path: '/hello', authorization: undefined, apikey: undefined },
      { method: 'GET', path: '/hello', authorization: undefined, apikey: undefined },
    ]);
  });
});

describe('Postman Vault (postman-runtime 7.56.1, as in the Postman app)', () => {
  test('with the key and APIKEY in the Vault and empty variables the smoke suite and the added requests pass on one exchange; with neither the failure names both places', async () => {
    const [fromVault, nowhere] = await Promise.all([
      // The generated smoke suite too, before the added requests: the Token request signs with the Vault's key, the
      // by-Client cases run with its APIKEY, and the one token serves the suite and the added requests.
      layerRun(runLatestRuntime, { private_key: '', api_key: '' }, { idcloud_private_key: keys.pkcs8Pem, idcloud_api_key: API_KEY }, [FOLDERS.token, FOLDERS.api]),
      layerRun(runLatestRuntime, { private_key: '' }),
    ]);
    expect(fromVault.result.failures).toEqual([]);
    expect(fromVault.setup.emulator.stats().tokenExchanges).toBe(1);
    expect(byPath(fromVault.product.seen)(`/processes/v1/${SOME_ID}`).map((s) => s.apikey)).toEqual([API_KEY]);
    expect(fromVault.result.consoleLogs.filter((l) => l.includes('skipped'))).toEqual([]);
    // Every request of the smoke suite was sent (none skipped for want of the key or the APIKEY).
    expect(fromVault.result.responses.filter((r) => r.item.startsWith('By Client')).length).toBeGreaterThan(0);

    expect(nowhere.setup.emulator.stats().tokenExchanges).toBe(0);
    const missing = nowhere.result.failures.filter((f) => f.name === LAYER_TEST_NAME);
    // Each product request says it (nothing was exchanged to remember); each names private_key and the Vault's secret.
    expect(missing).toHaveLength(4);
    for (const f of missing) expect(f.message).toBe(MISSING_PRIVATE_KEY);
    expect(MISSING_PRIVATE_KEY).toMatch(/private_key.*Vault as idcloud_private_key/);
  }, 90_000);
});
