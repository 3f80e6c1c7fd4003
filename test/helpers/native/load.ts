/**
 * Node's own loader (Module._load), not Jest's module registry, for what the tests share per worker: the
 * built CLI (helpers/cli.ts) and the Newman and postman-runtime packages (jest.config.js moduleNameMapper).
 * The code is the same real code; it is only loaded once per worker instead of once per test file (Newman
 * alone costs ~1 s of CPU each time), and Jest's registry does not refuse the lazy requires these packages make
 * while two concurrent tests run ("outside of the scope of the test code").
 */
import nodeModule from 'node:module';

export function nativeRequire(absolutePath: string): unknown {
  return (nodeModule as unknown as { _load(request: string, parent: null, isMain: boolean): unknown })._load(absolutePath, null, false);
}

/**
 * The environment variables of the real process: what the packages loaded here read (Newman's requester takes
 * HTTP_PROXY from it). A test file's `process.env` is Jest's copy.
 */
export function realProcessEnv(): NodeJS.ProcessEnv {
  return (nativeRequire('process') as NodeJS.Process).env;
}

/** A package's folder (its main file is what Node loads), found from this file like a require would. */
export function packageDir(name: string): string {
  return require.resolve(`${name}/package.json`).replace(/[\\/]package\.json$/, '');
}
