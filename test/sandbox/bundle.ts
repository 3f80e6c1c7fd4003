/**
 * Bundles sandbox code in memory with the options scripts/build.js uses for src/sandbox/script/entries/*.ts
 * (IIFE, minified, es2020, platform neutral): what runs in Postman is exactly what is tested and measured.
 */
import { buildSync, type BuildOptions } from 'esbuild';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const SANDBOX_OPTIONS: BuildOptions = { ...(require('../../scripts/sandbox-bundle-options') as BuildOptions), write: false };

export function bundleSandboxScript(entryFile: string): string {
  return buildSync({ ...SANDBOX_OPTIONS, entryPoints: [entryFile] }).outputFiles![0].text;
}

/** The same for source text; imports resolve from `resolveDir`. */
export function bundleSandboxSource(source: string, resolveDir: string): string {
  return buildSync({ ...SANDBOX_OPTIONS, stdin: { contents: source, resolveDir, loader: 'ts' } }).outputFiles![0].text;
}
