/**
 * The negative cases are built by the collection-level script for the `Token errors` folder only, in real sandboxes (newman 6.2.2 / postman-sandbox
 * 4.7.1 and postman-runtime 7.56.1 / sandbox 6.x) against the real emulator: inside the folder a case is built and
 * rejected as documented; the same request copied into a folder of the user's is not sent at all, and says where
 * it belongs — it never goes out with a valid assertion, nor with none.
 */
import { FOLDERS } from '../../../src/suites/folders';
import { CASE_HEADER } from '../../../src/suites/variables';
import { runLatestRuntime, runNewman, type RunResult } from '../../helpers/postman-runtimes';
import { setUp } from '../../e2e-collection/support';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const CASE = 'exp-expired';

function withCopiedCase(collection: Json): { collection: Json; name: string; copyName: string } {
  const tokenErrors = collection.item.find((f: Json) => f.name === FOLDERS.tokenErrors);
  const original = tokenErrors.item.find((r: Json) => r.request.header.some((h: Json) => h.key === CASE_HEADER && h.value === CASE));
  const copyName = `${original.name} (my copy)`;
  return {
    name: original.name,
    copyName,
    collection: { ...collection, item: [{ ...tokenErrors, item: [original] }, { name: 'My requests', item: [{ ...original, name: copyName }] }] },
  };
}

test('a negative case runs in its folder and is not sent from anywhere else, in both sandboxes', async () => {
  const runs = await Promise.all([runNewman, runLatestRuntime].map(async (runner) => {
    const setup = await setUp({ rateLimit: 0 });
    try {
      const { collection, name, copyName } = withCopiedCase(setup.files.collection);
      const result: RunResult = await runner(collection, { envValues: setup.envValues });
      return { result, name, copyName, stats: setup.emulator.stats() };
    } finally {
      await setup.emulator.close();
    }
  }));
  for (const { result, name, copyName, stats } of runs) {
    // In its folder: sent once, rejected as documented, every check passing.
    expect(result.responses.filter((r) => r.item === name).map((r) => r.code)).toEqual([401]);
    expect(result.failures).toEqual([]);
    // The copy: never sent (the emulator saw one token-endpoint request in all), and the console says why.
    expect(result.responses.filter((r) => r.item === copyName)).toEqual([]);
    expect(stats.tokenErrors).toBe(1);
    expect(stats.tokenExchanges).toBe(0);
    expect(result.consoleLogs).toContainEqual(expect.stringMatching(new RegExp(`^IDCloud: ${copyName.replace(/[()]/g, '\\$&')}: not sent, no script of this collection prepares case "${CASE}" \\(${CASE_HEADER}\\) here: the negative cases are built only for the requests in the "${FOLDERS.tokenErrors}" folder`)));
  }
});
