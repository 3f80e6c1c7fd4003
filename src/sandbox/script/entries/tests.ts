/** Collection-level test script (bundled by scripts/build.js into dist/collection/sandbox-scripts.js). */
import { runTests } from '../tests';
import { sandboxHost } from '../host';

runTests(sandboxHost());
