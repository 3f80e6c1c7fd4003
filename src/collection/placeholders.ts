/**
 * What `collections/` holds: the collection plus `uat`, `production` and `local` (the emulator CLI's default
 * address) environment files, with placeholder credentials only. `npm run collections` writes it; a test
 * fails when the committed files differ.
 */
import { makeEnvironment, resolveEnvironments } from '../environments';
import { ISS_EXAMPLE } from '../idcloud/claims';
import { generateCollection, GeneratedFiles } from './index';

export const LOCAL_EMULATOR_URL = 'http://127.0.0.1:8780';

export function placeholderFiles(): GeneratedFiles {
  const environments = [...resolveEnvironments(['uat', 'production']), makeEnvironment('local', { identityUrl: LOCAL_EMULATOR_URL })];
  return generateCollection({ environments, iss: ISS_EXAMPLE });
}
