/** src/cli/inputs: the one input layer every command reads its flags, files and environment variables with. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  cliApiKey, durationMsArg, environmentApiKey, listArg, loadCliCredentials, loadCliEnvironments, loadEnvironmentCredentials, numberArg, parseConfigFile,
  perEnvironmentVariable, readCollectionFile, stringArg,
} from '../../src/cli/inputs';
import { UsageError } from '../../src/cli/usage-error';
import { ENVIRONMENT_CONFIG_FIELD_NAMES } from '../../src/environments';
import { TEST_ISS } from '../helpers/keys';
import { makeCorpus } from '../credentials/corpus';

const corpus = makeCorpus();

describe('cli inputs', () => {
  test('credentials from flags, falling back to IDCLOUD_* variables; an empty flag counts as absent', () => {
    expect(loadCliCredentials({ iss: TEST_ISS, key: corpus.goodKey }, {}).iss).toBe(TEST_ISS);
    const fromEnv = loadCliCredentials({ key: '' }, { IDCLOUD_PAYLOAD_FILE: corpus.goodPayload, IDCLOUD_PRIVATE_KEY_FILE: corpus.goodPkcs1Key });
    expect(fromEnv.key.format).toBe('pkcs1');
    expect(fromEnv.payload.source).toBe(corpus.goodPayload);
  });

  test('environments from --env and the config file', () => {
    const envs = loadCliEnvironments({ env: ['uat', 'emu'], environments: { emu: { identityUrl: 'http://127.0.0.1:9/' } } });
    expect(envs.map((e) => [e.name, e.identityUrl, e.isLoopback])).toEqual([['uat', 'https://identityhomolog.acesso.io', false], ['emu', 'http://127.0.0.1:9', true]]);
  });

  test('per environment: IDCLOUD_<ENV>_* and --config environments.NAME beat the global settings for that environment only', () => {
    expect(perEnvironmentVariable('my-uat', 'key')).toBe('IDCLOUD_MY_UAT_PRIVATE_KEY_FILE');
    const other = 'svcprod@0a1b2c3d-0000-4000-8000-000000000002.iam.acesso.io';
    const args = { iss: TEST_ISS, key: corpus.goodKey, 'api-key': 'global-key', environments: { production: { apiKey: 'prod-config-key' } } };
    const env = { IDCLOUD_PRODUCTION_ISS: other, IDCLOUD_PRODUCTION_PRIVATE_KEY_FILE: corpus.goodPkcs1Key, IDCLOUD_UAT_API_KEY: 'uat-env-key' };
    expect(loadEnvironmentCredentials(args, env, 'uat')).toMatchObject({ iss: TEST_ISS, key: { format: 'pkcs8' } });
    expect(loadEnvironmentCredentials(args, env, 'production')).toMatchObject({ iss: other, key: { format: 'pkcs1' } });
    expect([environmentApiKey(args, env, 'uat'), environmentApiKey(args, env, 'production'), environmentApiKey(args, env, 'other')]).toEqual(['uat-env-key', 'prod-config-key', 'global-key']);
    // The config field beats the environment's variable, as flags and config beat variables globally.
    expect(loadEnvironmentCredentials({ ...args, environments: { uat: { iss: other } } }, { IDCLOUD_UAT_ISS: TEST_ISS }, 'uat').iss).toBe(other);
    expect(() => loadEnvironmentCredentials(args, { IDCLOUD_UAT_PRIVATE_KEY_FILE: '/nowhere/k.pem' }, 'uat')).toThrow(/^IDCLOUD_UAT_PRIVATE_KEY_FILE: key file \/nowhere\/k\.pem does not exist; check the path$/);
  });

  test('--config environments: every declared field is kept (signApiUrl, audience), paths resolved against the file; an unknown field is named', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-inputs-'));
    try {
      const file = path.join(dir, 'c.json');
      const all = Object.fromEntries(ENVIRONMENT_CONFIG_FIELD_NAMES.map((f) => [f, f.endsWith('Url') || f === 'audience' ? `http://127.0.0.1:9/${f}` : f]));
      fs.writeFileSync(file, JSON.stringify({ environments: { emu: all } }));
      const parsed = parseConfigFile(file).environments as Record<string, Record<string, string>>;
      expect(Object.keys(parsed.emu)).toEqual(ENVIRONMENT_CONFIG_FIELD_NAMES);
      expect([parsed.emu.payload, parsed.emu.key, parsed.emu.iss]).toEqual([path.join(dir, 'payload'), path.join(dir, 'key'), 'iss']);
      const [emu] = loadCliEnvironments({ env: ['emu'], environments: parsed });
      expect(emu).toMatchObject({ signApiUrl: 'http://127.0.0.1:9/signApiUrl', audience: 'http://127.0.0.1:9/audience', isLoopback: true });
      // A built-in name without identityUrl keeps Unico's URLs and takes the rest.
      const [uat] = loadCliEnvironments({ env: ['uat'], environments: { uat: { iss: TEST_ISS } } });
      expect(uat).toMatchObject({ identityUrl: 'https://identityhomolog.acesso.io', isLoopback: false, isProduction: false });
      expect(uat.audience).toBeUndefined();
      // Production behind a gateway: a local URL whose audience is Unico's production is still production.
      const [gw] = loadCliEnvironments({ env: ['gw'], environments: { gw: { identityUrl: 'http://127.0.0.1:9', audience: 'https://identity.acesso.io' } } });
      expect(gw.isProduction).toBe(true);
      fs.writeFileSync(file, JSON.stringify({ environments: { emu: { identityUrl: 'http://127.0.0.1:9', signApiURL: 'x' } } }));
      expect(() => parseConfigFile(file)).toThrow(/^--config: environments\.emu\.signApiURL is not a setting of an environment; use identityUrl, /);
      fs.writeFileSync(file, JSON.stringify({ environments: { emu: { identityUrl: 9 } } }));
      expect(() => parseConfigFile(file)).toThrow(/^--config: environments\.emu\.identityUrl must be a string$/);
      expect(() => loadCliEnvironments({ env: ['emu'], environments: { emu: { iss: TEST_ISS } } })).toThrow(/^--config: environments\.emu\.identityUrl is missing/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("README's Inputs table names every --config environment field, from the one declared list", () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const row = readme.split('\n').find((line) => line.startsWith('| `--config FILE`'))!;
    expect(row).toContain(ENVIRONMENT_CONFIG_FIELD_NAMES.map((f) => `\`${f}\``).join(', '));
  });

  test('API key: --api-key, else IDCLOUD_API_KEY; blank means none', () => {
    expect(cliApiKey({ 'api-key': 'k1' }, { IDCLOUD_API_KEY: 'k2' })).toBe('k1');
    expect(cliApiKey({}, { IDCLOUD_API_KEY: ' k2 ' })).toBe('k2');
    expect(cliApiKey({}, { IDCLOUD_API_KEY: '  ' })).toBeUndefined();
    expect(cliApiKey({}, {})).toBeUndefined();
  });

  test('strings and lists: empty means absent; the last of a repeated flag wins', () => {
    expect(stringArg('')).toBeUndefined();
    expect(stringArg('  ')).toBeUndefined();
    expect(stringArg(['a', 'b'])).toBe('b');
    expect(listArg('cli, junit')).toEqual(['cli', 'junit']);
    expect(listArg(['cli', 'json'])).toEqual(['cli', 'json']);
    expect(listArg('')).toBeUndefined();
    expect(listArg(['Token, and more', 'API'], { commas: false })).toEqual(['Token, and more', 'API']);
  });

  test('numeric flags: absent is undefined, the range is checked, one line names the flag', () => {
    expect(numberArg({}, 'max-retries', { whole: true, min: 0 })).toBeUndefined();
    expect(numberArg({ 'max-retries': 0 }, 'max-retries', { whole: true, min: 0 })).toBe(0);
    expect(numberArg({ n: '7' }, 'n', { whole: true })).toBe(7);
    expect(() => numberArg({ 'max-retries': 1.5 }, 'max-retries', { whole: true, min: 0 })).toThrow('--max-retries: "1.5" must be a whole number ≥ 0');
    expect(() => numberArg({ 'rate-limit': -1 }, 'rate-limit', { whole: true, min: 0, note: '(0 = off)' })).toThrow('--rate-limit: "-1" must be a whole number ≥ 0 (0 = off)');
    expect(() => numberArg({ port: 70000 }, 'port', { whole: true, min: 0, max: 65535 })).toThrow('--port: "70000" must be a whole number from 0 to 65535');
    expect(() => numberArg({ port: Number.NaN }, 'port', { whole: true })).toThrow('--port: not a number: must be a whole number');
    expect(() => numberArg({ n: 'x' }, 'n')).toThrow(UsageError);
  });

  test('durations are seconds for every command, decimals allowed, returned in ms; a huge value warns', () => {
    const warnings: string[] = [];
    const warn = (line: string) => warnings.push(line);
    expect(durationMsArg({}, 'timeout', warn)).toBeUndefined();
    expect(durationMsArg({ timeout: 15 }, 'timeout', warn)).toBe(15000);
    expect(durationMsArg({ timeout: 0.25 }, 'timeout', warn)).toBe(250);
    expect(warnings).toEqual([]);
    expect(() => durationMsArg({ timeout: 0 }, 'timeout', warn)).toThrow('--timeout: "0" must be a number of seconds > 0');
    expect(() => durationMsArg({ timeout: -2 }, 'timeout', warn)).toThrow(UsageError);
    // The old `run --timeout` unit was ms: 15000 now means 15000 s, and says so.
    expect(durationMsArg({ timeout: 15000 }, 'timeout', warn)).toBe(15_000_000);
    expect(warnings).toEqual(['--timeout 15000 is in seconds (250 minutes); durations on the command line are seconds, e.g. --timeout 15']);
  });

  test('JSON files: one line naming the flag and the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-inputs-'));
    try {
      const write = (name: string, text: string) => (fs.writeFileSync(path.join(dir, name), text), path.join(dir, name));
      const notJson = write('c.json', '{"item": [');
      expect(() => readCollectionFile(notJson)).toThrow(new RegExp(`^--collection: ${notJson.replace(/[.]/g, '\\.')} is not valid JSON \\(.*\\); give a Postman v2.1 collection file`));
      expect(() => readCollectionFile(write('o.json', '{"info": {}}'))).toThrow(/^--collection: .*o\.json is not a Postman v2\.1 collection \(no "item" list\)$/);
      expect(() => readCollectionFile(path.join(dir, 'missing.json'))).toThrow(/^--collection: cannot read .*missing\.json \(ENOENT\); check the path$/);
      expect(readCollectionFile(write('ok.json', '{"item": []}'))).toEqual({ item: [] });
      expect(() => parseConfigFile(write('list.json', '[]'))).toThrow(/^--config: .*list\.json must hold a JSON object$/);
      expect(() => parseConfigFile(notJson)).toThrow(/^--config: .*c\.json is not valid JSON/);
      expect(parseConfigFile(write('cfg.json', '{"key": "k.pem", "suite": "smoke"}'))).toEqual({ key: path.join(dir, 'k.pem'), suite: 'smoke' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
