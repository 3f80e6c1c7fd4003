/**
 * The product APIs' error bodies, one builder per documented shape (idcloud-auth.md §5):
 *   by Client  `{"error":{"code","description"}}`, with the emulator's stable string codes (API_ERRORS);
 *   by Unico and the sign host  `{"code","message","details"}`, whose codes are gRPC status numbers
 *   (Unico documents 3 invalid id, 5 not found, 7 no permission; the emulator adds 16 unauthenticated and
 *   8 resource exhausted in the same scheme).
 * Each reply carries the emulator's string code for the log line.
 */
import type { Reply } from '../http';

export const API_ERRORS = {
  token_missing: { status: 401, description: 'send Authorization: Bearer <access token from /oauth2/token>' },
  token_invalid: { status: 401, description: 'the access token is not valid here; get one from this server\'s /oauth2/token' },
  token_expired: { status: 401, description: 'the access token has expired; get a new one from /oauth2/token' },
  apikey_missing: { status: 401, description: 'send the account\'s APIKEY header' },
  apikey_invalid: { status: 401, description: 'the APIKEY does not belong to this service account' },
  capability_missing: { status: 403, description: 'the APIKEY does not enable this capability' },
  invalid_request: { status: 400, description: 'the body must be a JSON object' },
  invalid_field: { status: 400, description: 'a field is missing or invalid' },
  body_too_large: { status: 413, description: 'the body is larger than 2 MB' },
  process_not_found: { status: 404, description: 'no process with this id' },
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

/** gRPC status numbers of the by-Unico error body. */
export const UNICO_STATUS = { invalidArgument: 3, notFound: 5, permissionDenied: 7, resourceExhausted: 8, unauthenticated: 16 } as const;

const GRPC_OF: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 413: 8 };

/** by Client error; `description` replaces the table's (a validation message naming its field). */
export function clientError(code: ApiErrorCode, description: string = API_ERRORS[code].description): Reply {
  const { status } = API_ERRORS[code];
  return { status, body: { error: { code, description } }, headers: authenticateHeader(code), code };
}

/** by Unico / sign host error, for the same causes as API_ERRORS (the status follows the cause). */
export function unicoError(code: ApiErrorCode, message: string = API_ERRORS[code].description): Reply {
  const { status } = API_ERRORS[code];
  return { status, body: { code: GRPC_OF[status], message, details: [] }, headers: authenticateHeader(code), code };
}

export type ErrorAnswer = (code: ApiErrorCode, message?: string) => Reply;

function authenticateHeader(code: ApiErrorCode): Record<string, string> | undefined {
  return code.startsWith('token_') ? { 'WWW-Authenticate': 'Bearer error="invalid_token"' } : undefined;
}
