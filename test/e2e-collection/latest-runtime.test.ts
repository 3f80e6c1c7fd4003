/**
 * The same collection in postman-sandbox 6.x (postman-runtime 7.56, what the Postman app runs), and the
 * X-IdCloud-Case dispatch header removed before sending in both sandboxes, in a smoke run that exchanges once.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FOLDERS } from '../../src/collection';
import { API_CASES } from '../../src/suites/api';
import { CASE_HEADER } from '../../src/suites/variables';
import { rateLimitClock } from '../helpers/emulator';
import { BOTH_RUNTIMES, runLatestRuntime } from '../helpers/postman-runtimes';
import { onlyFolders, onlyRequests, RATE_LIMITED, setUp } from './support';

test.concurrent('every request of every folder passes in postman-sandbox 6.x', async () => {
  const { emulator, files, envValues } = await setUp();
  try {
    const result = await runLatestRuntime(files.collection, { envValues });
    expect(result.failures).toEqual([]);
    expect(result.assertions).toBeGreaterThan(40);
    // No deprecated API (postman.*, crypto-js, atob/btoa) is used: the sandbox prints no warning.
    expect(result.consoleLogs.filter((l) => /deprecat/i.test(l))).toEqual([]);
    expect(result.responses.filter((r) => r.item === 'Replayed assertion (1.2.7)').map((r) => r.code)).toContain(401);
  } finally {
    await emulator.close();
  }
});

test.concurrent('429s are retried after Retry-After in postman-sandbox 6.x too (setNextRequest to the same request)', async () => {
  const { emulator, files, envValues } = await setUp({ rateLimit: RATE_LIMITED.perSecond, ...rateLimitClock() });
  try {
    const result = await runLatestRuntime(onlyRequests(files.collection, RATE_LIMITED.requests), { envValues });
    expect(result.failures).toEqual([]);
    expect(result.responses.some((r) => r.code === 429)).toBe(true);
    expect([...new Set(result.responses.filter((r) => r.code !== 429 && r.item !== '').map((r) => r.item))]).toEqual([...RATE_LIMITED.requests]);
  } finally {
    await emulator.close();
  }
});

describe.each(BOTH_RUNTIMES)('%s', (_name, run) => {
  test.concurrent('the dispatch header never leaves the sandbox; the smoke suite exchanges exactly one token', async () => {
    const { emulator, files, envValues } = await setUp();
    // A second real server stands in for the product API hosts and records what arrives.
    const seen: (string | undefined)[] = [];
    const api = http.createServer((req, res) => {
      seen.push(req.headers[CASE_HEADER.toLowerCase()] as string | undefined);
      res.writeHead(req.headers.authorization === 'Bearer not-a-valid-token' || !req.headers.authorization ? 401 : 200, { 'content-type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    try {
      const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
      const result = await run(onlyFolders(files.collection, [FOLDERS.token, FOLDERS.api]), {
        envValues: { ...envValues, unico_api_url: apiUrl, api_key: '' },
      });
      const unico = API_CASES.filter((c) => c.product === 'unico');
      expect(seen).toEqual(unico.map(() => undefined));
      // By-Client requests were skipped with api_key empty, and said so.
      expect(result.failures).toEqual([]);
      expect(result.consoleLogs.filter((l) => l.includes('skipped, api_key is empty'))).toHaveLength(API_CASES.filter((c) => c.product === 'client').length);
      // Skipped means not sent (in sandbox 6.x the skip follows the Vault's answer, asynchronously).
      expect(result.responses.filter((r) => r.item.startsWith('By Client'))).toEqual([]);
      // One exchange served every API request of the suite (with the by-Client cases too: auth-layer.test.ts's Vault run).
      expect(emulator.stats().tokenExchanges).toBe(1);
    } finally {
      api.close();
      await emulator.close();
    }
  });
});
