/** `idcloud-postman generate` as users run it (the built CLI in a child process). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COLLECTION_FILE_NAME } from '../../src/collection';
import { hasStackTrace, runCli } from '../helpers/cli';
import { testKeyPair, TEST_ISS } from '../helpers/keys';

const keys = testKeyPair();
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-gen-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function envValues(file: string): Record<string, { value: string; type: string }> {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  return Object.fromEntries(json.values.map((v: { key: string; value: string; type: string }) => [v.key, v]));
}

function expectOneLineError(result: { exitCode: number | null; stderr: string }, pattern: RegExp): void {
  expect(result.exitCode).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(hasStackTrace(result.stderr)).toBe(false);
}

test('writes the collection and one environment file per --env, no secrets, no warning', async () => {
  const out = path.join(dir, 'out');
  const result = await runCli(['generate', '--out', out, '--env', 'uat', '--env', 'local=http://127.0.0.1:8780/', '--iss', TEST_ISS, '--api-key', 'APIKEY-1']);
  expect(result.exitCode).toBe(0);
  expect(fs.readdirSync(out).sort()).toEqual([COLLECTION_FILE_NAME, 'idcloud-local.postman_environment.json', 'idcloud-uat.postman_environment.json'].sort());
  expect(result.stdout).toContain(`wrote ${path.join(out, COLLECTION_FILE_NAME)}`);
  const local = envValues(path.join(out, 'idcloud-local.postman_environment.json'));
  expect(local.identity_url.value).toBe('http://127.0.0.1:8780');
  expect(local.iss.value).toBe(TEST_ISS);
  expect(local.private_key).toEqual(expect.objectContaining({ value: '', type: 'secret' }));
  expect(local.api_key).toEqual(expect.objectContaining({ value: '', type: 'secret' }));
  expect(result.stderr).not.toContain('warning');
  expect(result.stderr).not.toContain('APIKEY-1');
});

test('--embed-key writes the key and APIKEY into the environment files and warns on stderr', async () => {
  const keyFile = path.join(dir, 'svc.key.pem');
  fs.writeFileSync(keyFile, keys.pkcs1Pem);
  const payloadFile = path.join(dir, 'svc.payload.json');
  fs.writeFileSync(payloadFile, JSON.stringify({ iss: TEST_ISS, aud: 'https://identityhomolog.acesso.io', scope: '*', iat: 1, exp: 2 }));
  const result = await runCli(['generate', '--out', dir, '--env', 'uat', '--payload', payloadFile, '--key', keyFile, '--embed-key', '--api-key', 'APIKEY-1']);
  expect(result.exitCode).toBe(0);
  expect(result.stderr).toMatch(/warning: --embed-key writes the private key/);
  const uat = envValues(path.join(dir, 'idcloud-uat.postman_environment.json'));
  expect(uat.private_key.value).toContain(keys.pkcs1Pem.split('\n')[1]);
  expect(uat.api_key.value).toBe('APIKEY-1');
  expect(fs.readFileSync(path.join(dir, COLLECTION_FILE_NAME), 'utf8')).not.toContain(keys.pkcs1Pem.split('\n')[1]);
  expect(result.stdout + result.stderr).not.toContain(keys.pkcs1Pem.split('\n')[1]);
});

test('--config supplies environments; flags name which to write', async () => {
  const config = path.join(dir, 'idcloud.json');
  fs.writeFileSync(config, JSON.stringify({ environments: { staging: { identityUrl: 'https://id.staging.example', clientApiUrl: 'https://client.staging.example' } } }));
  const result = await runCli(['generate', '--config', config, '--out', dir, '--env', 'staging', '--iss', TEST_ISS]);
  expect(result.exitCode).toBe(0);
  const staging = envValues(path.join(dir, 'idcloud-staging.postman_environment.json'));
  expect(staging.client_api_url.value).toBe('https://client.staging.example');
  expect(staging.unico_api_url.value).toBe('https://id.staging.example');
});

describe('bad input: exit 2 with one line naming the field', () => {
  test('no --out', async () => {
    expectOneLineError(await runCli(['generate', '--env', 'uat', '--iss', TEST_ISS]), /--out/);
  });
  test('no --env', async () => {
    expectOneLineError(await runCli(['generate', '--out', dir, '--iss', TEST_ISS]), /--env/);
  });
  test('an unknown environment', async () => {
    expectOneLineError(await runCli(['generate', '--out', dir, '--env', 'staging', '--iss', TEST_ISS]), /--env: unknown environment "staging"/);
  });
  test('neither --payload nor --iss', async () => {
    expectOneLineError(await runCli(['generate', '--out', dir, '--env', 'uat']), /iss|payload/i);
  });
  test('--embed-key without a key', async () => {
    expectOneLineError(await runCli(['generate', '--out', dir, '--env', 'uat', '--iss', TEST_ISS, '--embed-key']), /key/i);
  });
  test('--max-invalid that is not a whole number', async () => {
    expectOneLineError(await runCli(['generate', '--out', dir, '--env', 'uat', '--iss', TEST_ISS, '--max-invalid', '-3']), /^idcloud-postman: --max-invalid: "-3"/);
  });
  test('nothing is written on bad input', async () => {
    await runCli(['generate', '--out', path.join(dir, 'never'), '--env', 'nope', '--iss', TEST_ISS]);
    expect(fs.existsSync(path.join(dir, 'never'))).toBe(false);
  });
});
