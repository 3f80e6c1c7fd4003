/** Collection-level pre-request script (bundled by scripts/build.js into dist/sandbox-scripts/prerequest.js). */
import { runPrerequest } from '../flow-prerequest';
import { sandboxHost } from '../flow-host';

runPrerequest(sandboxHost());
