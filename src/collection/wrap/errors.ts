/**
 * One error class per way `wrap`'s input can be wrong (the jose style, like src/credentials/errors.ts): a stable
 * `code`, exit 2, and a one-line message that names the file and says what to do.
 */
import { ErrorCode, errorClass, InputError } from '../../errors';

/** Base of every wrap input failure, so callers can catch them as one family. */
export abstract class WrapInputError extends InputError {}

const define = <C extends ErrorCode>(code: C) => errorClass(WrapInputError, code);

export class WrapFileNotFoundError extends define('ERR_WRAP_FILE_NOT_FOUND') {}
export class WrapFileUnreadableError extends define('ERR_WRAP_FILE_UNREADABLE') {}
export class WrapNotJsonError extends define('ERR_WRAP_NOT_JSON') {}
export class WrapNotCollectionError extends define('ERR_WRAP_NOT_COLLECTION') {}
export class WrapCollectionV1Error extends define('ERR_WRAP_COLLECTION_V1') {}
export class WrapUnsupportedSchemaError extends define('ERR_WRAP_UNSUPPORTED_SCHEMA') {}
export class WrapNoRequestsError extends define('ERR_WRAP_NO_REQUESTS') {}
export class WrapOverwritesInputError extends define('ERR_WRAP_OVERWRITES_INPUT') {}
export class WrapUsageError extends define('ERR_WRAP_USAGE') {}
