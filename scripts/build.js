#!/usr/bin/env node
/**
 * The build:
 *  1. TypeScript src/ → dist/ (tsc, type-checked);
 *  2. each sandbox entry point (a real module in src/sandbox/script/entries/) bundled by esbuild and minified once
 *     more by uglify-js (scripts/sandbox-bundle.js) into one self-contained script text, all of them in one module beside the compiled generator,
 *     dist/collection/sandbox-scripts.js (scripts/sandbox-scripts-module.js), which the generator embeds;
 *  3. the benchmarks (bench/) bundled into dist/bench.js.
 * Sandbox bundles must not touch globalThis, TextEncoder or crypto (postman-sandbox 4.7.1 has none of
 * them); test/sandbox checks the output text.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');
const { writeSandboxScriptsModule } = require('./sandbox-scripts-module');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

// From scratch: a module moved into a folder (cli/inputs.ts → cli/inputs/) must not leave its old output behind,
// where `require('./inputs')` would still find it first.
fs.rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', root], { stdio: 'inherit' });

// Beside dist/collection/script-text.js, which requires it.
const sandboxScriptsFile = path.join(dist, 'collection', 'sandbox-scripts.js');
writeSandboxScriptsModule(root, sandboxScriptsFile);

const benchEntry = path.join(root, 'bench', 'index.ts');
const bench = fs.existsSync(benchEntry)
  ? esbuild.build({
      entryPoints: [benchEntry],
      bundle: true,
      platform: 'node',
      target: 'node20',
      packages: 'external',
      outfile: path.join(dist, 'bench.js'),
      logLevel: 'error',
      // The generator's script texts: the module written above (it exists only under dist/).
      plugins: [{ name: 'sandbox-scripts', setup: (b) => b.onResolve({ filter: /^\.\/sandbox-scripts$/ }, () => ({ path: sandboxScriptsFile })) }],
    })
  : Promise.resolve();

bench.then(
  // Last, so only a whole build leaves it: scripts/build-if-stale.js compares the sources with it.
  () => fs.writeFileSync(path.join(dist, '.built'), `${new Date().toISOString()}\n`),
  () => {
    process.exitCode = 1;
  },
);
