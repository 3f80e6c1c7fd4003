/** src/cli/inputs.ts: parsed CLI args + environment variables → loaded inputs (used by every command). */
import { cliApiKey, cliCount, cliPositiveNumber, loadCliCredentials, loadCliEnvironments } from '../../src/cli/inputs';
import { TEST_ISS } from '../helpers/keys';
import { makeCorpus } from './corpus';

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

  test('API key: --api-key, else IDCLOUD_API_KEY; blank means none', () => {
    expect(cliApiKey({ 'api-key': 'k1' }, { IDCLOUD_API_KEY: 'k2' })).toBe('k1');
    expect(cliApiKey({}, { IDCLOUD_API_KEY: ' k2 ' })).toBe('k2');
    expect(cliApiKey({}, { IDCLOUD_API_KEY: '  ' })).toBeUndefined();
    expect(cliApiKey({}, {})).toBeUndefined();
  });

  test('numeric flags', () => {
    expect(cliPositiveNumber({ timeout: 1.5 }, 'timeout')).toBe(1.5);
    expect(() => cliPositiveNumber({ timeout: 0 }, 'timeout')).toThrow('--timeout must be a number greater than 0');
    expect(cliCount({ 'max-retries': 0 }, 'max-retries')).toBe(0);
    expect(() => cliCount({ 'max-retries': 1.5 }, 'max-retries')).toThrow(/--max-retries: "1.5" is not a whole number/);
  });
});
