/** What a run cannot start without (runSuites' own inputs): exit 2. Suite and reporter choices have theirs in suites.ts, reporters/. */
import { errorClass, InputError } from '../errors';

export class NoEnvironmentError extends errorClass(InputError, 'ERR_NO_ENVIRONMENT') {}
export class NoPrivateKeyError extends errorClass(InputError, 'ERR_NO_PRIVATE_KEY') {}
