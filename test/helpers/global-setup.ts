/**
 * jest's global setup: the shared test keys (key-pool.ts), and the sandbox scripts module the generator requires
 * (src/collection/script-text.ts `./sandbox-scripts`), built as the build builds it (scripts/sandbox-scripts-module.js)
 * into .tmp/jest/, where jest.config.js maps it.
 *
 * Building the module costs ~4.5 s of CPU (esbuild, then uglify-js), before any test starts. When dist/ is a
 * complete build newer than every input of the build (scripts/build-if-stale.js, the rule `npm run demo` uses; `npm
 * test` has just built), its module is the same function of the same sources: it is copied instead. The keys are
 * generated meanwhile (node:crypto works off the main thread).
 */
import fs from 'node:fs';
import path from 'node:path';
import { setUpKeyPool } from './key-pool';

const ROOT = path.join(__dirname, '..', '..');

export const SANDBOX_SCRIPTS_MODULE = path.join(ROOT, '.tmp', 'jest', 'sandbox-scripts.js');

const BUILT_SANDBOX_SCRIPTS_MODULE = path.join(ROOT, 'dist', 'collection', 'sandbox-scripts.js');

export default async function globalSetup(): Promise<void> {
  const keys = setUpKeyPool();
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { staleReason } = require('../../scripts/build-if-stale') as { staleReason(root: string): string | undefined };
  if (staleReason(ROOT) === undefined && fs.existsSync(BUILT_SANDBOX_SCRIPTS_MODULE)) {
    fs.mkdirSync(path.dirname(SANDBOX_SCRIPTS_MODULE), { recursive: true });
    fs.copyFileSync(BUILT_SANDBOX_SCRIPTS_MODULE, SANDBOX_SCRIPTS_MODULE);
  } else {
    const { writeSandboxScriptsModule } = require('../../scripts/sandbox-scripts-module');
    writeSandboxScriptsModule(ROOT, SANDBOX_SCRIPTS_MODULE);
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  await keys;
}
