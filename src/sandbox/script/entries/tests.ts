/** Collection-level test script (bundled by scripts/build.js into dist/sandbox-scripts/tests.js). */
import { runTests } from '../tests';
import { sandboxHost } from '../host';

runTests(sandboxHost());
