import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeEnvironment, resolveEnvironments } from '../../src/environments';
import { EXIT } from '../../src/errors';
import { hasSuiteFolders, planRun, planSuites, UnsafeErrorsSuiteError } from '../../src/runner/suites';
import { REPORTER_REGISTRY, REPORTERS, resolveReporters, ReporterError } from '../../src/runner/reporters';
import { CollectionShapeError, runSuites } from '../../src/runner';

const local = makeEnvironment('local', { identityUrl: 'http://127.0.0.1:8080' });
const [uat, production] = resolveEnvironments(['uat', 'production']);

test('default suite: all against the emulator (its signal, on loopback), smoke against every other server, loopback included', () => {
  expect(planSuites(local, {}, true)).toMatchObject({ suite: 'all', folders: ['Token', 'Token errors', 'API'], maxInvalid: undefined });
  expect(planSuites(uat, {})).toMatchObject({ suite: 'smoke', folders: ['Token', 'API'], sendsInvalidAttempts: false });
  // Loopback without the signal: a tunnel or gateway to Unico, or a mock.
  expect(planSuites(local, {})).toMatchObject({ suite: 'smoke', folders: ['Token', 'API'], sendsInvalidAttempts: false });
  expect(planSuites(local, { suite: 'errors' })).toMatchObject({ maxInvalid: 20 });
  // The signal counts only on loopback.
  expect(planSuites(uat, {}, true)).toMatchObject({ suite: 'smoke' });
  expect(planSuites(uat, { suite: 'errors' }, true)).toMatchObject({ maxInvalid: 20 });
});

test('errors suite off loopback is bounded by --max-invalid (default 20)', () => {
  expect(planSuites(uat, { suite: 'errors' })).toMatchObject({ folders: ['Token errors'], maxInvalid: 20 });
  expect(planSuites(uat, { suite: 'all', maxInvalid: 5 })).toMatchObject({ maxInvalid: 5 });
  expect(planSuites(local, { suite: 'errors', maxInvalid: 5 })).toMatchObject({ maxInvalid: 5 });
});

test('production needs --allow-production-errors for the errors suite (exit 2, one line)', () => {
  expect(() => planSuites(production, { suite: 'errors' })).toThrow(UnsafeErrorsSuiteError);
  try {
    planSuites(production, { suite: 'all' });
  } catch (error) {
    expect((error as UnsafeErrorsSuiteError).exitCode).toBe(EXIT.BAD_INPUT);
    expect((error as Error).message).toMatch(/--allow-production-errors/);
    expect((error as Error).message).not.toContain('\n');
  }
  expect(planSuites(production, { suite: 'errors', allowProductionErrors: true }).maxInvalid).toBe(20);
  expect(planSuites(production, {}).suite).toBe('smoke');
});

test('bad suite or bound is a usage error', () => {
  expect(() => planSuites(local, { suite: 'everything' as never })).toThrow(/--suite/);
  expect(() => planSuites(local, { maxInvalid: -1 })).toThrow(/--max-invalid/);
});

test('reporters: defaults, file reporters need --report-dir, unknown names refused', () => {
  expect(resolveReporters(undefined, undefined)).toEqual(['cli']);
  expect(resolveReporters(undefined, 'r')).toEqual(['cli', 'junit', 'json', 'htmlextra']);
  expect(resolveReporters(['cli,junit'], 'r')).toEqual(['cli', 'junit']);
  expect(() => resolveReporters(['junit'], undefined)).toThrow(ReporterError);
  expect(() => resolveReporters(['teamcity'], 'r')).toThrow(/not a reporter/);
  // An empty list is no reporters (library callers that want silence).
  expect(resolveReporters([], 'r')).toEqual([]);
  // The GitHub reporters join whenever the CI platform asks, whatever the list; github-summary needs its file.
  const actions = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '/tmp/summary.md' };
  expect(resolveReporters(undefined, undefined, actions)).toEqual(['cli', 'github-summary', 'github-annotations']);
  expect(resolveReporters(['cli,junit'], 'r', actions)).toEqual(['cli', 'junit', 'github-summary', 'github-annotations']);
  expect(resolveReporters([], undefined, { GITHUB_ACTIONS: 'true' })).toEqual(['github-annotations']);
  expect(resolveReporters(['github-annotations'], undefined)).toEqual(['github-annotations']);
  expect(() => resolveReporters(['github-summary'], undefined, {})).toThrow('--reporters github-summary: GITHUB_STEP_SUMMARY is not set; GitHub Actions sets it to the job summary\'s file');
});

test('reporters come from one registry, in the order messages list them; file reporters name their suffix', () => {
  expect(REPORTERS).toEqual(['cli', 'junit', 'json', 'htmlextra', 'github-summary', 'github-annotations']);
  expect(REPORTER_REGISTRY.map((r) => r.file?.suffix)).toEqual([undefined, 'junit.xml', 'json', 'html', undefined, undefined]);
  expect(REPORTER_REGISTRY.filter((r) => r.attach).map((r) => r.name)).toEqual(['cli', 'github-summary', 'github-annotations']);
});

// A generated collection's outline, and a wrapped one (a user's folders, none of ours).
const generated = { item: [{ name: 'Token', item: [{ name: 'Exchange' }] }, { name: 'Token errors', item: [{ name: 'Expired exp (1.2.4)' }] }, { name: 'API', item: [{ name: 'Get a process' }] }] };
const wrapped = { item: [{ name: 'Processes', item: [{ name: 'Create' }, { name: 'Read' }] }, { name: 'Health' }] };
const remote = { ...makeEnvironment('remote', { identityUrl: 'http://127.0.0.1:8080' }), isLoopback: false };

test('a collection without our folders runs whole; --suite on it names the missing folder', () => {
  expect(hasSuiteFolders(generated)).toBe(true);
  expect(hasSuiteFolders(wrapped)).toBe(false);
  expect(planRun(uat, wrapped, {})).toEqual({ suite: 'collection', folders: [], sendsInvalidAttempts: false });
  expect(planRun(uat, generated, {})).toMatchObject({ suite: 'smoke', folders: ['Token', 'API'] });
  expect(() => planRun(local, wrapped, { suite: 'smoke' })).toThrow(/no top-level folder "Token" for suite smoke/);
  expect(() => planRun(local, wrapped, { maxInvalid: -1 })).toThrow(/--max-invalid/);
});

test('--folder picks folders or requests by name, anywhere; an unknown name is refused before anything runs', () => {
  expect(planRun(uat, wrapped, { folders: ['Read', 'Health'] })).toEqual({ suite: 'folders', folders: ['Read', 'Health'], sendsInvalidAttempts: false });
  expect(planRun(uat, generated, { folders: ['API'] })).toMatchObject({ suite: 'folders', folders: ['API'], sendsInvalidAttempts: false });
  expect(() => planRun(uat, wrapped, { folders: ['Delete'] })).toThrow(CollectionShapeError);
  expect(() => planRun(uat, wrapped, { folders: ['Delete'] })).toThrow('--folder: the collection has no folder or request named "Delete"; its top-level items are "Processes", "Health"');
});

test('--folder into Token errors: free against the emulator, elsewhere only with --suite errors|all, production also needs its flag', () => {
  expect(planRun(local, generated, { folders: ['Token errors'] }, true)).toMatchObject({ sendsInvalidAttempts: true, maxInvalid: undefined });
  expect(() => planRun(local, generated, { folders: ['Token errors'] })).toThrow(/add --suite errors/);
  expect(planRun(local, generated, { folders: ['Token errors'], suite: 'errors' })).toMatchObject({ maxInvalid: 20 });
  for (const folders of [['Token errors'], ['Expired exp (1.2.4)']]) {
    expect(() => planRun(remote, generated, { folders })).toThrow(UnsafeErrorsSuiteError);
    expect(() => planRun(remote, generated, { folders, suite: 'smoke' })).toThrow(/add --suite errors/);
  }
  expect(planRun(remote, generated, { folders: ['Token errors'], suite: 'errors' })).toMatchObject({ suite: 'folders', sendsInvalidAttempts: true, maxInvalid: 20 });
  expect(() => planRun(production, generated, { folders: ['Token errors'], suite: 'errors' })).toThrow(/--allow-production-errors/);
  expect(planRun(production, generated, { folders: ['Token errors'], suite: 'all', allowProductionErrors: true, maxInvalid: 3 })).toMatchObject({ maxInvalid: 3 });
});

test('a collection without the suite folders is refused before anything runs', () => {
  const run = () =>
    runSuites({
      collection: { info: { name: 'x' }, item: [{ name: 'Token', item: [] }, { name: 'API', item: [] }] },
      environments: [{ env: local, envJson: {} }],
      secrets: { privateKeyPem: 'x' },
    });
  expect(run).toThrow(CollectionShapeError);
  expect(run).toThrow(/no top-level folder "Token errors"/);
});

test('an unwritable --report-dir is a usage error before anything runs', () => {
  const file = path.join(os.tmpdir(), `idcloud-not-a-dir-${process.pid}`);
  fs.writeFileSync(file, 'x');
  try {
    expect(() =>
      runSuites({
        collection: { item: [{ name: 'Token' }, { name: 'Token errors' }, { name: 'API' }] },
        environments: [{ env: local, envJson: {} }],
        secrets: { privateKeyPem: 'x' },
        reportDir: path.join(file, 'reports'),
        reporters: ['junit'],
      }),
    ).toThrow(/^--report-dir: cannot write to .*; give a writable folder$/);
  } finally {
    fs.rmSync(file);
  }
});
