/** postman-runtime-latest's own postman-collection, from the same loader as the runtime (./load.ts), so its classes are the runtime's. */
import path from 'node:path';
import { nativeRequire, packageDir } from './load';

export = nativeRequire(path.join(packageDir('postman-runtime-latest'), 'node_modules', 'postman-collection'));
