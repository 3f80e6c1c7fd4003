/**
 * The throwaway "other" key the runner injects for the "signed by another key" case: generated once per
 * process with node:crypto, injected only into runs that send the errors suite, and scrubbed like the
 * account key — a collection script that logs it, names a test after it and stores it leaves no trace
 * in the console output or in any report.
 */
import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { makeEnvironment } from '../../src/environments';
import { runSuites, throwawayOtherKeyPem, RunSuitesOptions } from '../../src/runner';
import { attachConsoleReporter } from '../../src/runner/console-reporter';
import { INJECTED } from '../../src/runner/variables';
import { testKeyPair } from '../helpers/keys';
import { fakeCollection, fakeEnvironmentJson, FakeIdcloud, startFakeIdcloud } from '../runner/fixtures';
import { fileSources, findLeaks, pemNeedles } from './scan';

const API_KEY = 'apikey-other-key-test-5d2e8a';
const key = testKeyPair();
let fake: FakeIdcloud;
let tmp: string;
beforeAll(async () => {
  fake = await startFakeIdcloud(API_KEY);
});
afterAll(() => fake.close());
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-otherkey-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const testEvent = (lines: string[]) => ({ listen: 'test', script: { type: 'text/javascript', exec: lines } });
type Item = { name: string; item?: Item[]; event?: object[] };

/** The fake collection, with a script in each folder that reports (and leaks, as carelessly as it can) the other key. */
function collectionThatLeaksTheOtherKey(): object {
  const collection = fakeCollection() as { item: Item[] };
  const variable = JSON.stringify(INJECTED.otherPrivateKey);
  const leaky = (folder: string) => testEvent([
    `var other = pm.environment.get(${variable});`,
    `pm.test('${folder}: other key injected: ' + (typeof other === 'string' && other.indexOf('-----BEGIN PRIVATE KEY-----') === 0), function () {});`,
    "if (other) { console.log('other key', other.split('\\n')[2], other); pm.test('named after ' + other.split('\\n')[3], function () {}); pm.environment.set('copy_of_it', other); }",
  ]);
  for (const folder of collection.item) folder.item![0].event = [...(folder.item![0].event ?? []), leaky(folder.name)];
  return collection;
}

async function runCaptured(opts: Partial<RunSuitesOptions>): Promise<string> {
  const run = runSuites({
    collection: collectionThatLeaksTheOtherKey(),
    environments: [{ env: makeEnvironment('local', { identityUrl: fake.url }), envJson: fakeEnvironmentJson('local', fake.url) }],
    secrets: { privateKeyPem: key.pkcs8Pem, apiKey: API_KEY },
    ...opts,
  });
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  attachConsoleReporter(run, { stream, live: false });
  await run.done;
  return text;
}

test('one throwaway 2048-bit RSA key per process, not the account key', async () => {
  const pem = await throwawayOtherKeyPem();
  expect(await throwawayOtherKeyPem()).toBe(pem);
  const parsed = createPrivateKey(pem);
  expect(parsed.asymmetricKeyType).toBe('rsa');
  expect(parsed.asymmetricKeyDetails?.modulusLength).toBe(2048);
  expect(pem).not.toBe(key.pkcs8Pem);
});

test('errors suite: the other key is injected, and logged, stored or named after, it leaks nowhere', async () => {
  const reportDir = path.join(tmp, 'reports');
  const console = await runCaptured({ suite: 'all', reportDir, reporters: ['cli', 'junit', 'json', 'htmlextra'] });
  const otherKey = await throwawayOtherKeyPem();
  // Every folder's script saw the key (the variable is set for the whole run, not only Token errors).
  for (const folder of ['Token', 'Token errors', 'API']) expect(console).toContain(`✓ ${folder}: other key injected: true`);
  expect(console).toContain('other key [REDACTED]');
  expect(console).toContain('named after [REDACTED]');
  const sources = [{ where: 'console', text: console }, ...fileSources([reportDir])];
  expect(sources.length).toBe(4);
  expect(findLeaks(sources, pemNeedles(otherKey).map((n) => ({ ...n, label: `other ${n.label}` })))).toEqual([]);
});

test('smoke suite: no invalid attempts, so no other key is injected', async () => {
  const console = await runCaptured({ suite: 'smoke' });
  expect(console).toContain('✓ Token: other key injected: false');
  expect(console).toContain('✓ API: other key injected: false');
  expect(console).not.toContain('other key [REDACTED]');
});
