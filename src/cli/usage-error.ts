/** A command line that asks for something the command cannot do (a flag's value, a flag missing for another): exit 2. */
import { errorClass, InputError } from '../errors';

export class UsageError extends errorClass(InputError, 'ERR_USAGE') {}
