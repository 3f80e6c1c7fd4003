/**
 * One script text that runs inside Postman, from a sandbox entry module (or source text): esbuild bundles it with
 * the sandbox options (sandbox-bundle-options.js: IIFE, minified, es2020, ASCII), then uglify-js compresses and
 * mangles the bundle once more and writes its strings in single quotes. The second pass takes ~11% off the
 * collection's scripts (issue 19: the file ≤ 64 KB): it inlines and merges what esbuild's minifier leaves as
 * written, and a single-quoted script embeds in the collection's JSON without a backslash per quote. Safe
 * transforms only (no `unsafe`), the script's 'use strict' kept (`module: false`). Used by the build
 * (sandbox-scripts-module.js) and by the tests and benches that bundle fixtures (test/sandbox/bundle.ts), so what
 * is tested is what ships.
 */
const esbuild = require('esbuild');
const uglify = require('uglify-js');
const sandboxBundleOptions = require('./sandbox-bundle-options');

const UGLIFY_OPTIONS = Object.freeze({
  module: false,
  compress: { module: false, passes: 3 },
  mangle: true,
  output: { quote_style: 1, ascii_only: true },
});

/** esbuild's output text, minified once more. */
function minifySandboxScript(text) {
  const result = uglify.minify(text, UGLIFY_OPTIONS);
  if (result.error) throw result.error;
  return result.code;
}

/** `options`: esbuild's entryPoints or stdin (write: false is implied). */
function bundleSandbox(options) {
  const { outputFiles } = esbuild.buildSync({ ...sandboxBundleOptions, ...options, write: false });
  return minifySandboxScript(outputFiles[0].text);
}

module.exports = { bundleSandbox, minifySandboxScript };
