/**
 * jest's global setup: the shared test keys (key-pool.ts), and the sandbox scripts module the generator requires
 * (src/collection/script-text.ts `./sandbox-scripts`), built as the build builds it (scripts/sandbox-scripts-module.js)
 * into .tmp/jest/, where jest.config.js maps it.
 */
import path from 'node:path';
import { setUpKeyPool } from './key-pool';

export const SANDBOX_SCRIPTS_MODULE = path.join(__dirname, '..', '..', '.tmp', 'jest', 'sandbox-scripts.js');

export default async function globalSetup(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { writeSandboxScriptsModule } = require('../../scripts/sandbox-scripts-module');
  writeSandboxScriptsModule(path.join(__dirname, '..', '..'), SANDBOX_SCRIPTS_MODULE);
  await setUpKeyPool();
}
