/**
 * End-to-end setup: a real emulator on a free loopback port with one test account, the generated collection
 * and environment file for it, and the environment values a run needs. Nothing is mocked.
 */
import { generateCollection, GeneratedFiles } from '../../src/collection';
import { makeEnvironment } from '../../src/environments';
import { startEmulator, EmulatorAccount, EmulatorOptions, RunningEmulator } from '../../src/emulator';
import { testKeyPair, TEST_ISS } from '../helpers/keys';

export const API_KEY = 'e2e-apikey-0001';
export const keys = testKeyPair();

export interface Setup {
  emulator: RunningEmulator;
  files: GeneratedFiles;
  /** Every variable of the environment file, with private_key and api_key filled in. */
  envValues: Record<string, string>;
}

export async function setUp(options: Partial<EmulatorOptions> = {}, extra: Record<string, string> = {}, account: Partial<EmulatorAccount> = {}): Promise<Setup> {
  const emulator = await startEmulator({ accounts: [{ iss: TEST_ISS, publicKey: keys.spkiPem, apiKey: API_KEY, ...account }], ...options });
  const files = generateCollection({ environments: [makeEnvironment('local', { identityUrl: emulator.url })], iss: TEST_ISS });
  const envValues: Record<string, string> = {};
  for (const v of (files.environments[0].json as { values: { key: string; value: string }[] }).values) envValues[v.key] = v.value;
  Object.assign(envValues, { private_key: keys.pkcs8Pem, api_key: API_KEY }, extra);
  return { emulator, files, envValues };
}

/** Only the given folders of a generated collection (what newman --folder does), for the library runners. */
export function onlyFolders(collection: object, names: readonly string[]): object {
  const c = collection as { item: { name: string }[] };
  return { ...c, item: c.item.filter((folder) => names.includes(folder.name)) };
}
