/** runDemo as a library call: real emulator, real Newman, files in a temp folder, events to a listener. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDemo } from '../../src/demo';
import type { RunEvents } from '../../src/runner';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-demo-lib-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('runDemo passes every suite against the embedded emulator and returns what it wrote', async () => {
  const events: string[] = [];
  let done: RunEvents['done'] | undefined;
  const demo = await runDemo({
    outDir: tmp,
    reporters: ['junit', 'json'],
    onRun: (run) => {
      for (const name of ['start', 'env-start', 'env-done'] as const) run.on(name, () => events.push(name));
      run.on('done', (result: RunEvents['done']) => (done = result));
    },
  });
  expect(demo.result.exitCode).toBe(0);
  expect(done).toBe(demo.result);
  expect(events).toEqual(['start', 'env-start', 'env-done']);
  const [local] = demo.result.environments;
  expect(local).toMatchObject({ name: 'local', suite: 'all', status: 'passed' });
  expect(local.assertions.failed).toBe(0);
  expect(local.invalidAttempts).toBeGreaterThan(10);
  // Unico's rate limit by default; any 429 it caused was waited out (the run passed) and counted.
  expect(demo.rateLimit).toBe(10);
  expect(local.rateLimited).toEqual(expect.any(Number));
  expect(demo.files.collectionFile).toBe(path.join(tmp, 'idcloud.postman_collection.json'));
  expect(demo.files.reports.map((f) => path.basename(f)).sort()).toEqual(['idcloud-local.json', 'idcloud-local.junit.xml']);
  expect(demo.files.account).toBeUndefined();
  // The emulator is closed afterwards.
  await expect(fetch(`${demo.emulatorUrl}/.well-known/openid-configuration`)).rejects.toThrow();
});
