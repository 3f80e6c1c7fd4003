/**
 * One error class per credential failure (the jose style): a stable `code`, exit 2, and a one-line
 * message that names the file, variable or field and says what to do. Messages never quote key material.
 */
import { ErrorCode, errorClass, InputError } from '../errors';

/** Base of every credential failure, so callers can catch them as one family. */
export abstract class CredentialError extends InputError {}

const define = <C extends ErrorCode>(code: C) => errorClass(CredentialError, code);

// The private key
export class KeyMissingError extends define('ERR_KEY_MISSING') {}
export class KeyFileNotFoundError extends define('ERR_KEY_FILE_NOT_FOUND') {}
export class KeyFileUnreadableError extends define('ERR_KEY_FILE_UNREADABLE') {}
export class KeyEmptyError extends define('ERR_KEY_EMPTY') {}
export class KeyNotPemError extends define('ERR_KEY_NOT_PEM') {}
export class KeyIsDerError extends define('ERR_KEY_IS_DER') {}
export class KeyTruncatedError extends define('ERR_KEY_TRUNCATED') {}
export class KeyCorruptError extends define('ERR_KEY_CORRUPT') {}
export class KeyIsPublicError extends define('ERR_KEY_IS_PUBLIC') {}
export class KeyIsCertificateError extends define('ERR_KEY_IS_CERTIFICATE') {}
export class KeyEncryptedError extends define('ERR_KEY_ENCRYPTED') {}
export class KeyNotRsaError extends define('ERR_KEY_NOT_RSA') {}
export class KeyTooShortError extends define('ERR_KEY_TOO_SHORT') {}
export class KeyUnsupportedFormatError extends define('ERR_KEY_UNSUPPORTED_FORMAT') {}

// The base payload
export class PayloadMissingError extends define('ERR_PAYLOAD_MISSING') {}
export class PayloadConflictError extends define('ERR_PAYLOAD_CONFLICT') {}
export class PayloadFileNotFoundError extends define('ERR_PAYLOAD_FILE_NOT_FOUND') {}
export class PayloadFileUnreadableError extends define('ERR_PAYLOAD_FILE_UNREADABLE') {}
export class PayloadEmptyError extends define('ERR_PAYLOAD_EMPTY') {}
export class PayloadNotJsonError extends define('ERR_PAYLOAD_NOT_JSON') {}
export class PayloadNotObjectError extends define('ERR_PAYLOAD_NOT_OBJECT') {}
export class IssMissingError extends define('ERR_ISS_MISSING') {}
export class IssNotStringError extends define('ERR_ISS_NOT_STRING') {}
export class IssInvalidError extends define('ERR_ISS_INVALID') {}
export class AccountTooLongError extends define('ERR_ACCOUNT_TOO_LONG') {}
export class ForbiddenClaimsError extends define('ERR_PAYLOAD_FORBIDDEN_CLAIMS') {}
export class ScopeInvalidError extends define('ERR_PAYLOAD_SCOPE') {}
export class AudNotStringError extends define('ERR_AUD_NOT_STRING') {}

// aud against an environment (reported by doctor; aud is recomputed when signing)
export class AudTrailingSlashError extends define('ERR_AUD_TRAILING_SLASH') {}
export class AudNotHttpsError extends define('ERR_AUD_NOT_HTTPS') {}
export class AudOtherEnvironmentError extends define('ERR_AUD_OTHER_ENVIRONMENT') {}
export class AudHasPathError extends define('ERR_AUD_HAS_PATH') {}
export class AudMismatchError extends define('ERR_AUD_MISMATCH') {}

// Certificate / public key given to doctor --cert
export class CertFileNotFoundError extends define('ERR_CERT_FILE_NOT_FOUND') {}
export class CertInvalidError extends define('ERR_CERT_INVALID') {}
export class CertMismatchError extends define('ERR_CERT_MISMATCH') {}
export class CertExpiredError extends define('ERR_CERT_EXPIRED') {}

// keygen
export class AccountInvalidError extends define('ERR_ACCOUNT_INVALID') {}
export class TenantInvalidError extends define('ERR_TENANT_INVALID') {}
export class KeySizeInvalidError extends define('ERR_KEY_SIZE_INVALID') {}
export class NameInvalidError extends define('ERR_NAME_INVALID') {}
export class FileExistsError extends define('ERR_FILE_EXISTS') {}
export class WriteFailedError extends define('ERR_WRITE_FAILED') {}
