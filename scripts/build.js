#!/usr/bin/env node
/**
 * The build:
 *  1. TypeScript src/ → dist/ (tsc, type-checked);
 *  2. each sandbox entry point (a real module in src/sandbox/script/entries/) bundled by esbuild into one
 *     self-contained script text in dist/sandbox-scripts/, which the collection generator embeds;
 *  3. the benchmarks (bench/) bundled into dist/bench.js.
 * Sandbox bundles must not touch globalThis, TextEncoder or crypto (postman-sandbox 4.7.1 has none of
 * them); test/sandbox checks the output text.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');
const sandboxBundleOptions = require('./sandbox-bundle-options');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

// From scratch: a module moved into a folder (cli/inputs.ts → cli/inputs/) must not leave its old output behind,
// where `require('./inputs')` would still find it first.
fs.rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', root], { stdio: 'inherit' });

const entriesDir = path.join(root, 'src', 'sandbox', 'script', 'entries');
const scriptsDir = path.join(dist, 'sandbox-scripts');
fs.mkdirSync(scriptsDir, { recursive: true });
const entries = fs.existsSync(entriesDir) ? fs.readdirSync(entriesDir).filter((f) => f.endsWith('.ts')) : [];
for (const entry of entries) {
  esbuild.buildSync({
    ...sandboxBundleOptions,
    entryPoints: [path.join(entriesDir, entry)],
    outfile: path.join(scriptsDir, `${path.basename(entry, '.ts')}.js`),
  });
}

const benchEntry = path.join(root, 'bench', 'index.ts');
if (fs.existsSync(benchEntry)) {
  esbuild.buildSync({
    entryPoints: [benchEntry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile: path.join(dist, 'bench.js'),
  });
}

// Last, so only a whole build leaves it: scripts/build-if-stale.js compares the sources with it.
fs.writeFileSync(path.join(dist, '.built'), `${new Date().toISOString()}\n`);
