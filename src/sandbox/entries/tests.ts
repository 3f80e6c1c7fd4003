/** Collection-level test script (bundled by scripts/build.js into dist/sandbox-scripts/tests.js). */
import { runTests } from '../flow-tests';
import { sandboxHost } from '../flow-host';

runTests(sandboxHost());
