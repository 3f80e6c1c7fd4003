/** `newman` for the tests: the real package, loaded once per worker by Node (./load.ts). */
import { nativeRequire, packageDir } from './load';

export = nativeRequire(packageDir('newman'));
