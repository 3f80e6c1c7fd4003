/**
 * One error class per way a Collection format v3 directory (or a YAML environment file) can be wrong, and per
 * refusal to write one (the jose style, like src/collection/wrap/errors.ts): a stable `code`, exit 2, and a
 * one-line message that names the file (and line, for YAML errors) and says what to do.
 */
import { ErrorCode, errorClass, InputError } from '../../errors';

/** Base of every v3 input or output failure, so callers can catch them as one family. */
export abstract class V3FormatError extends InputError {}

const define = <C extends ErrorCode>(code: C) => errorClass(V3FormatError, code);

/** The path is not a v3 collection directory (no definition, no request files), or cannot be read. */
export class V3NotCollectionError extends define('ERR_V3_NOT_COLLECTION') {}
/** A YAML syntax error: the message names the file and line. */
export class V3YamlError extends define('ERR_V3_YAML') {}
/** A file of the directory whose shape is wrong: an unknown `$kind`, a field of the wrong type. */
export class V3ShapeError extends define('ERR_V3_SHAPE') {}
/** A request file inside `.resources/` (metadata only: Postman ignores or rejects it). */
export class V3RequestInResourcesError extends define('ERR_V3_REQUEST_IN_RESOURCES') {}
/** A script type of the wrong form for its place (the Postman CLI fails to load the collection at run time). */
export class V3ScriptTypeError extends define('ERR_V3_SCRIPT_TYPE') {}
/** The output directory holds something this tool did not write: refused, never overwritten. */
export class V3OutputOccupiedError extends define('ERR_V3_OUTPUT_OCCUPIED') {}
/** An environment file (either format) that cannot be read as one. */
export class EnvironmentFileError extends define('ERR_ENVIRONMENT_FILE') {}
