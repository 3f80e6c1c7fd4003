/**
 * Every error class the library throws on purpose, grouped by where it comes from; the public API exports
 * them as `errors` (jose style: `err instanceof errors.KeyEncryptedError`). Each has a stable `code` and the
 * exit code the CLI uses; catch the bases (InputError = exit 2, UnreachableError = exit 3) to handle a kind.
 */

// Bases.
export { IdcloudPostmanError, InputError, UnreachableError } from './errors';

// Credentials: the key, the payload, the certificate, keygen (all CredentialError, exit 2).
export * from './credentials/errors';

// Environments and the collection on disk.
export { EnvironmentError } from './environments';
export { OutputDirectoryError } from './collection/write';

// The token exchange in Node (`token`, `doctor --online`).
export {
  TokenExchangeError, TokenRefusedError, TokenUnexpectedStatusError, TokenBadResponseError, TokenRateLimitedError, TokenServerError,
  TokenEndpointUnreachableError,
} from './exchange/errors';

// Runs: suite choice and its lockout guard, the collection's shape, reporters.
export { SuiteError, UnsafeErrorsSuiteError, CollectionShapeError } from './runner/suites';
export { ReporterError } from './runner/reporters/registry';
export { NoEnvironmentError, NoPrivateKeyError } from './runner/errors';

// The emulator.
export { AccountsFileUnreadableError, AccountsFileFormatError, AccountKeyError, EmulatorOptionError, EmulatorListenError } from './emulator/errors';

// wrap: the input collection and where the output goes (all exit 2).
export {
  WrapInputError, WrapFileNotFoundError, WrapFileUnreadableError, WrapNotJsonError, WrapNotCollectionError, WrapCollectionV1Error,
  WrapUnsupportedSchemaError, WrapNoRequestsError, WrapOverwritesInputError, WrapUsageError,
} from './collection/wrap/errors';

// Collection format v3 (Postman v12's YAML directories) and environment files of either format (all exit 2).
export {
  V3FormatError, V3NotCollectionError, V3YamlError, V3ShapeError, V3RequestInResourcesError, V3ScriptTypeError, V3OutputOccupiedError, EnvironmentFileError,
} from './formats/v3/errors';
