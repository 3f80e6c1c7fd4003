/**
 * Fuzz of the product bodies, queries and ids (a fixed count from a fixed seed, in the test name; another
 * sequence with FUZZ_SEED=…): valid bodies of every endpoint mutated field by field, random bytes, deep nesting, huge
 * strings, and the control path. Every answer must be 2xx/4xx, JSON unless it is a served file, and the
 * emulator must still create and read processes afterwards.
 */
import type { RunningEmulator } from '../../../src/emulator';
import {
  accessToken, API_KEY, bearer, clientProcessBody, CPF, finishProcess, FUZZ_SEED, postJson, prng, request, signProcessBody, startTestEmulator, unicoProcessBody,
} from '../support';

const SEED = FUZZ_SEED;
const COUNT = 1200;
const CONCURRENCY = 8;

type Json = unknown;
const WEIRD: Json[] = [null, true, false, 0, -1, 1e308, 1.5, '', ' ', 'x'.repeat(3000), [], [null], {}, { a: { b: [1] } }, '\u0000', '\ud800', CPF, '529.982.247-25', 'DUI_TYPE_BR_CPF', 'idsign', 'PROCESS_RESULT_OK', '%PDF-', 'data:image/png;base64,', '3600s', '-5s'];

function generator(random: () => number, ids: string[]) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const int = (max: number) => Math.floor(random() * max);

  /** Replaces, deletes or adds one value at a random depth of `value`. */
  function mutate(value: Json, depth = 0): Json {
    if (depth > 4 || value === null || typeof value !== 'object' || random() < 0.25) return random() < 0.5 ? pick(WEIRD) : undefined;
    const copy: Record<string, Json> | Json[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, Json>) };
    const keys = Object.keys(copy);
    const key = keys.length === 0 || random() < 0.15 ? pick(['extra', '0', '__proto__', 'constructor', 'fileContents']) : pick(keys);
    (copy as Record<string, Json>)[key] = mutate((copy as Record<string, Json>)[key], depth + 1);
    return copy;
  }

  function body(valid: () => Json): string | Buffer {
    switch (int(10)) {
      case 0: return Buffer.from(Array.from({ length: int(400) }, () => int(256)));
      case 1: return `${'['.repeat(20_000 + int(30_000))}${']'.repeat(int(2) ? 50_000 : 0)}`;
      case 2: return JSON.stringify(valid()).slice(0, int(200));
      case 3: return JSON.stringify(pick(WEIRD));
      case 4: return random() < 0.2 ? Buffer.alloc(2 * 1024 * 1024 + int(5000), 0x41) : JSON.stringify({ ...(valid() as object), pad: 'A'.repeat(int(1_500_000)) });
      default: {
        let value = valid();
        for (let i = 1 + int(3); i > 0; i -= 1) value = mutate(value);
        return JSON.stringify(value) ?? '';
      }
    }
  }

  const id = () => (ids.length > 0 && random() < 0.6 ? pick(ids) : pick(['x', '00000000-0000-4000-8000-000000000000', '%zz', '..', 'a'.repeat(300), encodeURIComponent('\u202e')]));
  const query = () => pick(['', `?code=${CPF}`, `?code=${CPF}&type=${pick(['BR_RG', 'BR_CNH', 'x', ''])}`, `?code=${CPF}&code=1`, '?raw=true', '?raw=1', `?code=%zz&type=%00`]);

  return function next(): { method: string; path: string; headers: Record<string, string>; body?: string | Buffer } {
    const headers: Record<string, string> = {};
    const contentType = pick(['application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', '']);
    if (contentType) headers['Content-Type'] = contentType;
    switch (int(13)) {
      case 0: return { method: 'POST', path: '/client/v1/process', headers, body: body(unicoProcessBody) };
      case 1: return { method: 'POST', path: '/client/v1/process/', headers, body: body(signProcessBody) };
      case 2: return { method: 'POST', path: '/processes/v1', headers, body: body(clientProcessBody) };
      case 3: return { method: 'GET', path: `/client/v1/process/${id()}`, headers };
      case 4: return { method: 'GET', path: `/client/v1/process/${id()}/${pick(['selfie', 'evidenceset'])}${query()}`, headers };
      case 5: return { method: 'GET', path: `/processes/v1/${id()}`, headers };
      case 6: return { method: 'GET', path: `/documents/v1${query()}`, headers };
      case 7: return { method: 'GET', path: `/api/v1/service/${pick(['file', 'evidence'])}/${id()}`, headers };
      case 8: return { method: 'POST', path: `/_emulator/processes/${id()}/finish`, headers, body: body(() => ({ result: pick(['PROCESS_RESULT_OK', 'PROCESS_RESULT_ERROR']) })) };
      case 9: return { method: 'POST', path: '/_emulator/clock', headers, body: body(() => ({ advanceSeconds: int(10_000) })) };
      case 10: return { method: 'GET', path: `/_emulator/processes/${id()}`, headers };
      default: return { method: pick(['PUT', 'DELETE', 'PATCH', 'GET', 'POST']), path: pick(['/client/v1/process', '/processes/v1', '/documents/v1', `/client/v1/process/${id()}/selfie`]), headers, body: body(unicoProcessBody) };
    }
  };
}

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ processSeconds: 5 });
});
afterAll(() => emulator.close());

test(`fuzz of every product endpoint (${COUNT} requests, seed ${SEED}): only 2xx/4xx, JSON unless a file, and still serving`, async () => {
  const { url } = emulator;
  const auth = { ...bearer(await accessToken(url)), APIKEY: API_KEY };
  const ids: string[] = [];
  const seeded = await Promise.all([postJson(`${url}/client/v1/process`, signProcessBody(), auth), postJson(`${url}/client/v1/process`, unicoProcessBody(), auth)]);
  for (const created of seeded) ids.push(created.json.process.id, ...(created.json.process.signDocuments ?? []).map((d: { documentId: string }) => d.documentId));
  await finishProcess(url, ids[0]);
  const random = prng(SEED);
  const next = generator(random, ids);
  const bad: string[] = [];
  const statuses: Record<number, number> = {};
  let sent = 0;
  const worker = async () => {
    while (sent < COUNT) {
      sent += 1;
      const r = next();
      const headers = { ...r.headers, ...(random() < 0.9 ? auth : {}) };
      try {
        const result = await request(`${url}${r.path}`, { method: r.method, headers, body: r.body });
        statuses[result.status] = (statuses[result.status] ?? 0) + 1;
        const file = /^(application\/pdf|image\/jpeg)$/.test(String(result.headers['content-type']));
        if (result.status < 200 || result.status >= 500 || (!file && result.json === undefined) || (file && result.status !== 200)) {
          bad.push(`${r.method} ${r.path.slice(0, 80)} → ${result.status} ${result.text.slice(0, 100)}`);
        }
        const createdId = result.status === 200 ? (result.json?.process?.id ?? result.json?.id) : undefined;
        if (typeof createdId === 'string' && ids.length < 50) ids.push(createdId);
      } catch (error) {
        bad.push(`${r.method} ${r.path.slice(0, 80)} body=${r.body?.length} → ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  expect(bad.slice(0, 10)).toEqual([]);
  expect(Object.values(statuses).reduce((a, b) => a + b, 0)).toBe(COUNT);
  // The fuzz reached the handlers: successes, validation answers, not-found answers.
  expect(statuses[200]).toBeGreaterThan(0);
  expect(statuses[400]).toBeGreaterThan(0);
  expect(statuses[404]).toBeGreaterThan(0);
  const after = await postJson(`${url}/client/v1/process`, unicoProcessBody(), auth);
  expect(after.status).toBe(200);
  expect((await request(`${url}/client/v1/process/${after.json.process.id}`, { headers: auth })).status).toBe(200);
});
