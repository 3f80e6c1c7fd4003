/** The `Token errors` folder's pre-request script (bundled by scripts/build.js into dist/sandbox-scripts/token-errors.js). */
import { runTokenErrorsPrerequest } from '../token-errors';
import { sandboxHost } from '../host';

runTokenErrorsPrerequest(sandboxHost());
