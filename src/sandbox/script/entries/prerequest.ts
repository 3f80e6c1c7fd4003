/** Collection-level pre-request script (bundled by scripts/build.js into dist/collection/sandbox-scripts.js). */
import { runPrerequest } from '../prerequest';
import { sandboxHost } from '../host';

runPrerequest(sandboxHost());
