/**
 * A run always delivers (issue 21): a reporter that throws — ours (`cli` writing to a broken stream) or Newman's
 * htmlextra (a template that fails while it renders) — costs its own output only: run.done settles with every
 * environment's result and the verdict, the other reporters' files are written, and each failure is one named,
 * scrubbed line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeEnvironment } from '../../src/environments';
import { EXIT } from '../../src/errors';
import { REDACTED, reporterFailureLine, runSuites } from '../../src/runner';
import { testKeyPair } from '../helpers/keys';
import { fakeCollection, fakeEnvironmentJson, FakeIdcloud, startFakeIdcloud } from './fixtures';

const API_KEY = 'apikey-delivery-test-5d2e8a1c7b';
const key = testKeyPair();

let fake: FakeIdcloud;
let tmp: string;
beforeAll(async () => {
  fake = await startFakeIdcloud(API_KEY);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-delivery-'));
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function input(name: string) {
  return { env: makeEnvironment(name, { identityUrl: fake.url }), envJson: fakeEnvironmentJson(name, fake.url) };
}

test('a throwing reporter (ours or htmlextra) costs only its own output: every environment, the verdict and the other reports stand', async () => {
  const reportDir = path.join(tmp, 'reports');
  // A real Handlebars template that fails when htmlextra renders it (in its beforeDone listener): a block never closed.
  const template = path.join(tmp, 'broken.hbs');
  fs.writeFileSync(template, '<html>{{#each aggregations}}<p>{{this.parent.name}}</p></html>\n');
  // A console that is gone (EPIPE), whose error quotes a secret: the line must not.
  const brokenStream = { write: () => { throw new Error(`EPIPE: broken pipe while writing "${API_KEY}"`); } };
  const run = runSuites({
    collection: fakeCollection(),
    environments: [input('one'), input('two')],
    secrets: { privateKeyPem: key.pkcs8Pem, apiKey: API_KEY },
    reportDir,
    reporters: ['cli', 'junit', 'json', 'htmlextra'],
    reporterOptions: { cli: { stream: brokenStream, live: false }, htmlextra: { template } },
  });
  const result = await run.done;

  expect(result.exitCode).toBe(EXIT.OK);
  expect(result.environments.map((e) => [e.name, e.status, e.assertions.failed])).toEqual([['one', 'passed', 0], ['two', 'passed', 0]]);
  for (const env of result.environments) {
    expect(env.reports.map((f) => path.basename(f)).sort()).toEqual([`idcloud-${env.name}.json`, `idcloud-${env.name}.junit.xml`]);
    for (const file of env.reports) expect(fs.statSync(file).size).toBeGreaterThan(100);
  }
  // Once per reporter, named, one line, scrubbed.
  expect(result.reporterFailures.map((f) => f.reporter).sort()).toEqual(['cli', 'htmlextra']);
  const cli = result.reporterFailures.find((f) => f.reporter === 'cli')!;
  expect(cli.message).toBe(`EPIPE: broken pipe while writing "${REDACTED}"`);
  const html = result.reporterFailures.find((f) => f.reporter === 'htmlextra')!;
  expect(html.message).not.toContain('\n');
  expect(html.message).toMatch(/^Parse error on line 2/); // Handlebars, while htmlextra renders
  expect(reporterFailureLine(cli)).toBe(`reporter cli failed: EPIPE: broken pipe while writing "${REDACTED}"; the verdict stands, its other reports are written`);
  // No html page, no staging folder left behind.
  expect(fs.readdirSync(reportDir).sort()).toEqual(['idcloud-one.json', 'idcloud-one.junit.xml', 'idcloud-two.json', 'idcloud-two.junit.xml']);
}, 60_000);
