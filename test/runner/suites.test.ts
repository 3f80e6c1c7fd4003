import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeEnvironment, resolveEnvironments } from '../../src/environments';
import { EXIT } from '../../src/errors';
import { planSuites, UnsafeErrorsSuiteError } from '../../src/runner/suites';
import { resolveReporters, ReporterError } from '../../src/runner/reporters';
import { CollectionShapeError, runSuites } from '../../src/runner';

const local = makeEnvironment('local', { identityUrl: 'http://127.0.0.1:8080' });
const [uat, production] = resolveEnvironments(['uat', 'production']);

test('default suite: all on loopback, smoke elsewhere', () => {
  expect(planSuites(local, {})).toMatchObject({ suite: 'all', folders: ['Token', 'Token errors', 'API'], maxInvalid: undefined });
  expect(planSuites(uat, {})).toMatchObject({ suite: 'smoke', folders: ['Token', 'API'], sendsInvalidAttempts: false });
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
