/**
 * The `audience` variable (cli-contract.md Outputs): when non-empty it is the `aud` the collection signs for
 * instead of `identity_url` — a gateway or tunnel in front of Unico, where the URL is local and `aud` stays
 * Unico's. Real runs in both sandboxes against the real emulator, which accepts only its own base URLs as aud.
 */
import { BOTH_RUNTIMES } from '../helpers/postman-runtimes';
import { onlyRequests, setUp } from './support';

const EXCHANGE = 'Exchange assertion for access token';

describe.each(BOTH_RUNTIMES)('%s', (_name, run) => {
  test("audience is signed for when set (Unico's aud is refused by the emulator; its localhost twin, with a trailing slash, is accepted); empty means identity_url", async () => {
    const setup = await setUp();
    try {
      expect(setup.envValues.audience).toBe('');
      const collection = onlyRequests(setup.files.collection, [EXCHANGE]);
      const port = new URL(setup.emulator.url).port;
      // One run, one iteration per value of `audience` (data variables win over the environment's, as the scripts
      // read it through pm.variables): empty, Unico's, and the emulator's localhost twin with a trailing slash.
      const result = await run(collection, {
        envValues: setup.envValues,
        iterationData: [{ audience: '' }, { audience: 'https://identityhomolog.acesso.io' }, { audience: `http://localhost:${port}/` }],
      });
      const [plain, unicos, twin] = [0, 1, 2].map((i) => ({
        failures: result.failures.filter((f) => f.iteration === i),
        responses: result.responses.filter((r) => r.iteration === i),
      }));
      expect(plain.failures).toEqual([]);
      expect(twin.failures).toEqual([]);
      // The emulator answers a wrong aud with an uncoded 401: the exchange fails.
      expect(unicos.failures.length).toBeGreaterThan(0);
      expect(unicos.responses.some((r) => r.url.endsWith('/oauth2/token') && r.code === 401)).toBe(true);
      expect([plain, twin].map((i) => i.responses.map((r) => r.code))).toEqual([[200], [200]]);
    } finally {
      await setup.emulator.close();
    }
  });
});
