/**
 * Bundles sandbox code in memory as scripts/build.js bundles src/sandbox/script/entries/*.ts (scripts/sandbox-bundle.js:
 * esbuild IIFE, minified, es2020, platform neutral, then uglify-js): what runs in Postman is exactly what is tested
 * and measured.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundleSandbox } = require('../../scripts/sandbox-bundle') as { bundleSandbox(options: object): string };

export function bundleSandboxScript(entryFile: string): string {
  return bundleSandbox({ entryPoints: [entryFile] });
}

/** The same for source text; imports resolve from `resolveDir`. */
export function bundleSandboxSource(source: string, resolveDir: string): string {
  return bundleSandbox({ stdin: { contents: source, resolveDir, loader: 'ts' } });
}
