/**
 * The errors the library throws on purpose, defined one way (jose style): a class per failure with a stable
 * `code`, as a static and on each instance, the original error kept as `cause`. Families (abstract) give the
 * exit code: InputError = 2, UnreachableError = 3. The CLI prints `message` as one line and exits with
 * `exitCode`; it never prints a stack for these.
 *
 *   export class KeyMissingError extends errorClass(CredentialError, 'ERR_KEY_MISSING') {}
 *   throw new KeyMissingError('--key: …; give …', { cause: error });
 */
export const EXIT = Object.freeze({ OK: 0, TEST_FAILED: 1, BAD_INPUT: 2, UNREACHABLE: 3 });
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What each exit code means, in the words of `--help`, the run's verdict line and README's exit-code paragraph. */
export const EXIT_MEANING: Readonly<Record<ExitCode, string>> = Object.freeze({
  [EXIT.OK]: 'all passed',
  [EXIT.TEST_FAILED]: 'a test failed',
  [EXIT.BAD_INPUT]: 'bad input or usage',
  [EXIT.UNREACHABLE]: 'an environment could not be reached, was unavailable or the run could not complete',
});

/** Every stable error code, by family: stable once released; a new failure adds its code here and one class. */
export type ErrorCode =
  // Usage and inputs of the CLI.
  | 'ERR_USAGE' | 'ERR_INPUTS' | 'ERR_GENERATE_USAGE' | 'ERR_CONFIG' | 'ERR_COLLECTION_FILE'
  // Environments and generated output.
  | 'ERR_ENVIRONMENT' | 'ERR_OUTPUT_DIRECTORY'
  // Credentials: the private key.
  | 'ERR_KEY_MISSING' | 'ERR_KEY_FILE_NOT_FOUND' | 'ERR_KEY_FILE_UNREADABLE' | 'ERR_KEY_EMPTY' | 'ERR_KEY_NOT_PEM'
  | 'ERR_KEY_IS_DER' | 'ERR_KEY_TRUNCATED' | 'ERR_KEY_CORRUPT' | 'ERR_KEY_IS_PUBLIC' | 'ERR_KEY_IS_CERTIFICATE'
  | 'ERR_KEY_ENCRYPTED' | 'ERR_KEY_NOT_RSA' | 'ERR_KEY_TOO_SHORT' | 'ERR_KEY_UNSUPPORTED_FORMAT'
  // Credentials: the base payload and its claims.
  | 'ERR_PAYLOAD_MISSING' | 'ERR_PAYLOAD_CONFLICT' | 'ERR_PAYLOAD_FILE_NOT_FOUND' | 'ERR_PAYLOAD_FILE_UNREADABLE'
  | 'ERR_PAYLOAD_EMPTY' | 'ERR_PAYLOAD_NOT_JSON' | 'ERR_PAYLOAD_NOT_OBJECT' | 'ERR_ISS_MISSING' | 'ERR_ISS_NOT_STRING'
  | 'ERR_ISS_INVALID' | 'ERR_ACCOUNT_TOO_LONG' | 'ERR_PAYLOAD_FORBIDDEN_CLAIMS' | 'ERR_PAYLOAD_SCOPE'
  | 'ERR_AUD_NOT_STRING' | 'ERR_AUD_TRAILING_SLASH' | 'ERR_AUD_NOT_HTTPS' | 'ERR_AUD_OTHER_ENVIRONMENT'
  | 'ERR_AUD_HAS_PATH' | 'ERR_AUD_MISMATCH'
  // Credentials: the certificate, keygen.
  | 'ERR_CERT_FILE_NOT_FOUND' | 'ERR_CERT_INVALID' | 'ERR_CERT_MISMATCH' | 'ERR_CERT_EXPIRED'
  | 'ERR_ACCOUNT_INVALID' | 'ERR_TENANT_INVALID' | 'ERR_KEY_SIZE_INVALID' | 'ERR_NAME_INVALID' | 'ERR_FILE_EXISTS'
  | 'ERR_WRITE_FAILED'
  // The token exchange in Node.
  | 'ERR_TOKEN_REFUSED' | 'ERR_TOKEN_RATE_LIMITED' | 'ERR_TOKEN_SERVER_ERROR' | 'ERR_TOKEN_BAD_RESPONSE'
  | 'ERR_TOKEN_UNEXPECTED_STATUS' | 'ERR_TOKEN_ENDPOINT_UNREACHABLE'
  // Runs.
  | 'ERR_NO_ENVIRONMENT' | 'ERR_NO_PRIVATE_KEY' | 'ERR_SUITE' | 'ERR_PRODUCTION_ERRORS_SUITE' | 'ERR_COLLECTION_FOLDERS'
  | 'ERR_REPORTER'
  // The emulator.
  | 'ERR_ACCOUNTS_FILE_UNREADABLE' | 'ERR_ACCOUNTS_FILE_FORMAT' | 'ERR_ACCOUNT_KEY' | 'ERR_EMULATOR_OPTION'
  | 'ERR_EMULATOR_LISTEN'
  // wrap.
  | 'ERR_WRAP_FILE_NOT_FOUND' | 'ERR_WRAP_FILE_UNREADABLE' | 'ERR_WRAP_NOT_JSON' | 'ERR_WRAP_NOT_COLLECTION'
  | 'ERR_WRAP_COLLECTION_V1' | 'ERR_WRAP_UNSUPPORTED_SCHEMA' | 'ERR_WRAP_NO_REQUESTS' | 'ERR_WRAP_OVERWRITES_INPUT'
  | 'ERR_WRAP_USAGE'
  // Postman's Collection format v3 (directories of YAML) and environment files.
  | 'ERR_V3_NOT_COLLECTION' | 'ERR_V3_YAML' | 'ERR_V3_SHAPE' | 'ERR_V3_REQUEST_IN_RESOURCES' | 'ERR_V3_SCRIPT_TYPE'
  | 'ERR_V3_OUTPUT_OCCUPIED' | 'ERR_ENVIRONMENT_FILE'
  // The network: proxies and CA certificates (src/network).
  | 'ERR_PROXY_URL' | 'ERR_CA_CERT';

/** How every error of the library is constructed: a one-line message, and the error that caused it, if any. */
export type ErrorClassOptions = { cause?: unknown };

/** Base of every error the library throws on purpose. Abstract: what is thrown is a class made by `errorClass`. */
export abstract class IdcloudPostmanError extends Error {
  /** The stable code of this class's errors (set by `errorClass`; a family has none). */
  static readonly code: ErrorCode | undefined = undefined;
  /** The exit code of this family's errors. */
  static readonly exitCode: ExitCode = EXIT.BAD_INPUT;
  /** Stable, machine-readable; never changes once released. */
  readonly code: ErrorCode;
  readonly exitCode: ExitCode;

  constructor(message: string, options?: ErrorClassOptions) {
    super(message, options);
    const own = new.target as unknown as { code: ErrorCode | undefined; exitCode: ExitCode };
    if (own.code === undefined) throw new TypeError(`${new.target.name} is a family of errors: throw one of its classes (errorClass)`);
    this.name = new.target.name;
    this.code = own.code;
    this.exitCode = own.exitCode;
  }
}

/** Bad input or usage: exit 2. The message names the file or field and says what to do. */
export abstract class InputError extends IdcloudPostmanError {
  static override readonly exitCode: ExitCode = EXIT.BAD_INPUT;
}

/** An environment could not be reached, was unavailable or the run could not complete: exit 3. */
export abstract class UnreachableError extends IdcloudPostmanError {
  static override readonly exitCode: ExitCode = EXIT.UNREACHABLE;
}

/** A family's constructor, as `errorClass` extends it. */
type Family<T extends IdcloudPostmanError, A extends unknown[]> = abstract new (...args: A) => T;

/**
 * One error class of a family, the only way to make one: the class carries its stable `code` as a static and on
 * every instance, and takes the family's constructor arguments (a one-line message and `{ cause }` for most).
 */
export function errorClass<T extends IdcloudPostmanError, A extends unknown[], C extends ErrorCode>(
  Family: Family<T, A>,
  code: C,
): { new (...args: A): T & { readonly code: C }; readonly code: C; readonly exitCode: ExitCode } {
  const Base = Family as unknown as new (...args: unknown[]) => IdcloudPostmanError;
  return class extends Base {
    static readonly code = code;
  } as never;
}

/** Several inputs missing or wrong at once (readAll): each one's message, joined. */
export class InputsError extends errorClass(InputError, 'ERR_INPUTS') {}

/**
 * Every input read at once: the values, or one InputError naming each input that is missing or wrong (joined
 * by "; ") instead of one per try. Errors that are not bad input are thrown as they are.
 */
export function readAll<T extends unknown[]>(...readers: { [K in keyof T]: () => T[K] }): T {
  const values: unknown[] = [];
  const problems: InputError[] = [];
  for (const read of readers) {
    try {
      values.push(read());
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new InputsError(problems.map((p) => p.message).join('; '));
  return values as T;
}
