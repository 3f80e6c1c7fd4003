/**
 * One service account per environment (cli-contract.md "Inputs", per environment): the built CLI against two
 * real emulators that each know only their own account, so an environment signed with the other's key or iss
 * fails. Per-environment variables and --config fields beat the global settings; bad per-environment input is
 * exit 2 with one line naming the variable or field.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningEmulator } from '../../src/emulator';
import { startTestEmulator } from '../helpers/emulator';
import { hasStackTrace, runCli } from '../helpers/cli';
import { testKeyPair, TEST_ISS } from '../helpers/keys';
import { summaryRow } from '../runner/emulator-fixture';

const OTHER_ISS = 'svcprod@0a1b2c3d-0000-4000-8000-000000000002.iam.acesso.io';
const ALPHA_API_KEY = 'apikey-alpha-7d1e4b9c2a6f';
const BETA_API_KEY = 'apikey-beta-3f8a2c6e1d9b';

let dir: string;
let alpha: RunningEmulator;
let beta: RunningEmulator;
const alphaKey = testKeyPair();
const betaKey = testKeyPair(2048, true);
let alphaKeyFile: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-accounts-'));
  alphaKeyFile = path.join(dir, 'alpha.key.pem');
  fs.writeFileSync(alphaKeyFile, alphaKey.pkcs8Pem, { mode: 0o600 });
  fs.writeFileSync(path.join(dir, 'beta.key.pem'), betaKey.pkcs1Pem, { mode: 0o600 });
  [alpha, beta] = await Promise.all([
    startTestEmulator({ accounts: [{ iss: TEST_ISS, publicKey: alphaKey.spkiPem, apiKey: ALPHA_API_KEY }] }),
    startTestEmulator({ accounts: [{ iss: OTHER_ISS, publicKey: betaKey.spkiPem, apiKey: BETA_API_KEY }] }),
  ]);
});
afterAll(async () => {
  await Promise.all([alpha?.close(), beta?.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** alpha's account given per environment as variables, beta's as PEM text in its variable. */
const perEnvironmentVariables = () => ({
  IDCLOUD_ALPHA_ISS: TEST_ISS,
  IDCLOUD_ALPHA_PRIVATE_KEY_FILE: alphaKeyFile,
  IDCLOUD_ALPHA_API_KEY: ALPHA_API_KEY,
  IDCLOUD_BETA_ISS: OTHER_ISS,
  IDCLOUD_BETA_PRIVATE_KEY: betaKey.pkcs1Pem,
  IDCLOUD_BETA_API_KEY: BETA_API_KEY,
});

function expectNoSecret(text: string): void {
  for (const pem of [alphaKey.pkcs8Pem, betaKey.pkcs1Pem]) {
    for (const line of pem.split('\n').filter((l) => l && !l.startsWith('-----'))) expect(text).not.toContain(line);
  }
  for (const apiKey of [ALPHA_API_KEY, BETA_API_KEY]) expect(text).not.toContain(apiKey);
}

test.concurrent('run: each environment signs with its own account, in one run with one summary; every account is scrubbed', async () => {
  const reportDir = path.join(dir, 'reports');
  const before = [alpha.stats(), beta.stats()];
  // The global account (alpha's) would fail on beta: IDCLOUD_BETA_* must win there.
  const r = await runCli(['run', '--env', `alpha=${alpha.url}`, '--env', `beta=${beta.url}`, '--iss', TEST_ISS, '--key', alphaKeyFile, '--suite', 'smoke', '--report-dir', reportDir, '--reporters', 'cli,json'], {
    env: { ...perEnvironmentVariables(), IDCLOUD_ALPHA_ISS: undefined, IDCLOUD_ALPHA_PRIVATE_KEY_FILE: undefined },
    timeoutMs: 80_000,
  });
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  expect(summaryRow(r.stdout, 'alpha')).toMatchObject({ failed: 0, verdict: 'PASS' });
  expect(summaryRow(r.stdout, 'beta')).toMatchObject({ failed: 0, verdict: 'PASS' });
  expect(alpha.stats().tokenExchanges).toBeGreaterThan(before[0].tokenExchanges);
  expect(beta.stats().tokenExchanges).toBeGreaterThan(before[1].tokenExchanges);
  expect(alpha.stats().tokenErrors).toBe(before[0].tokenErrors);
  expect(beta.stats().tokenErrors).toBe(before[1].tokenErrors);
  const reports = fs.readdirSync(reportDir).map((f) => fs.readFileSync(path.join(reportDir, f), 'utf8')).join('\n');
  expectNoSecret(r.stdout + r.stderr + reports);
  expect(reports).toContain(OTHER_ISS);
}, 90_000);

test.concurrent('token and doctor --online use the environment\'s own account; doctor warns when two environments share one key', async () => {
  const token = await runCli(['token', '--env', `beta=${beta.url}`, '--iss', TEST_ISS, '--key', alphaKeyFile], { env: perEnvironmentVariables() });
  expect(token.stderr).toBe('');
  expect(token.exitCode).toBe(0);
  expect(token.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/);

  const doctor = await runCli(['doctor', '--online', '--env', `alpha=${alpha.url}`, '--env', `beta=${beta.url}`], { env: perEnvironmentVariables() });
  expect(doctor.exitCode).toBe(0);
  expect(doctor.stdout).toMatch(/^ok +iss +alpha: svctest@/m);
  expect(doctor.stdout).toMatch(/^ok +iss +beta: svcprod@/m);
  expect(doctor.stdout).toMatch(/^ok +online +alpha: token issued/m);
  expect(doctor.stdout).toMatch(/^ok +online +beta: token issued/m);
  expect(doctor.stdout).not.toMatch(/same key/);

  // One key for both: the warning names the per-environment variable to set; nothing fails.
  const shared = await runCli(['doctor', '--env', 'uat', '--env', 'production', '--iss', TEST_ISS, '--key', alphaKeyFile]);
  expect(shared.exitCode).toBe(0);
  expect(shared.stdout).toMatch(/^warn +key +uat and production sign with the same key; .*IDCLOUD_PRODUCTION_PRIVATE_KEY_FILE$/m);
}, 60_000);

test.concurrent('generate writes each environment\'s own iss and audience (--config environments.NAME, paths relative to the file)', async () => {
  const sub = fs.mkdtempSync(path.join(dir, 'gen-'));
  const config = path.join(sub, 'idcloud.json');
  fs.writeFileSync(config, JSON.stringify({
    iss: TEST_ISS,
    environments: {
      production: { iss: OTHER_ISS, key: '../beta.key.pem' },
      gw: { identityUrl: 'http://127.0.0.1:9', signApiUrl: 'http://127.0.0.1:10/sign', audience: 'https://identityhomolog.acesso.io/' },
    },
  }));
  const r = await runCli(['generate', '--config', config, '--env', 'uat', '--env', 'production', '--env', 'gw', '--out', path.join(sub, 'out')]);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  const values = (name: string) => Object.fromEntries((JSON.parse(fs.readFileSync(path.join(sub, 'out', `idcloud-${name}.postman_environment.json`), 'utf8')).values as { key: string; value: string }[]).map((v) => [v.key, v.value]));
  expect(values('uat')).toMatchObject({ iss: TEST_ISS, audience: '', identity_url: 'https://identityhomolog.acesso.io' });
  expect(values('production')).toMatchObject({ iss: OTHER_ISS, audience: '', identity_url: 'https://identity.acesso.io', private_key: '' });
  expect(values('gw')).toMatchObject({ iss: TEST_ISS, audience: 'https://identityhomolog.acesso.io', sign_api_url: 'http://127.0.0.1:10/sign' });
}, 30_000);

test.concurrent('bad per-environment input: exit 2, one line naming the variable or config field', async () => {
  const missing = path.join(dir, 'nowhere.key.pem');
  const runMissing = await runCli(['run', '--env', `alpha=${alpha.url}`, '--iss', TEST_ISS, '--key', alphaKeyFile], { env: { IDCLOUD_ALPHA_PRIVATE_KEY_FILE: missing } });
  expect(runMissing.exitCode).toBe(2);
  expect(runMissing.stderr).toBe(`idcloud-postman: IDCLOUD_ALPHA_PRIVATE_KEY_FILE: key file ${missing} does not exist; check the path\n`);

  const config = path.join(dir, 'bad.json');
  fs.writeFileSync(config, JSON.stringify({ environments: { uat: { key: 'missing.pem' } } }));
  const doctor = await runCli(['doctor', '--config', config, '--env', 'uat', '--iss', TEST_ISS]);
  expect(doctor.exitCode).toBe(2);
  expect(doctor.stdout).toContain(`problem key         --config environments.uat.key: key file ${path.join(dir, 'missing.pem')} does not exist; check the path`);

  fs.writeFileSync(config, JSON.stringify({ environments: { uat: { signApiURL: 'https://x' } } }));
  const unknown = await runCli(['generate', '--config', config, '--env', 'uat', '--iss', TEST_ISS, '--out', path.join(dir, 'never')]);
  expect(unknown.exitCode).toBe(2);
  expect(unknown.stderr).toMatch(/^idcloud-postman: --config: environments\.uat\.signApiURL is not a setting of an environment; use identityUrl, unicoApiUrl, clientApiUrl, signApiUrl, audience, payload, iss, key, apiKey\n$/);
  expect(fs.existsSync(path.join(dir, 'never'))).toBe(false);

  const both = await runCli(['token', '--env', 'uat', '--key', alphaKeyFile], { env: { IDCLOUD_UAT_ISS: TEST_ISS, IDCLOUD_UAT_PAYLOAD_FILE: path.join(dir, 'p.json') } });
  expect(both.exitCode).toBe(2);
  expect(both.stderr).toBe('idcloud-postman: give either IDCLOUD_UAT_PAYLOAD_FILE or IDCLOUD_UAT_ISS, not both\n');
  for (const r of [runMissing, doctor, unknown, both]) expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
}, 60_000);
