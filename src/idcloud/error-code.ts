/**
 * Finding Unico's error code in a token-endpoint answer (idcloud-auth.md §4): the code sits inside
 * `error_description`, in Portuguese or English, sometimes absent. Runtime-neutral: Node and the sandbox use it.
 */
import { parseJson } from './json';

/** Unico's error code pattern, whatever the language around it. */
export const ERROR_CODE_PATTERN = /\b\d+\.\d+\.\d+\b/;

/** Unico's lockout code: the account is locked after too many invalid attempts. */
export const LOCKED_CODE = '1.2.18';

/**
 * The code inside `error_description` (or a by-Client style `error.description`) of a JSON body; for a body
 * that is not JSON, anywhere in its text. Other fields never count (a code in `error` is not Unico's shape).
 */
export function findUnicoCode(bodyText: string): string | undefined {
  const parsed = parseJson(bodyText) as { error_description?: unknown; error?: { description?: unknown } } | null | undefined;
  const description = parsed && typeof parsed === 'object' ? (parsed.error_description ?? (parsed.error && typeof parsed.error === 'object' ? parsed.error.description : undefined)) : undefined;
  // Not JSON: search the raw text.
  const text = parsed === undefined ? bodyText : typeof description === 'string' ? description : undefined;
  const match = text === undefined ? null : ERROR_CODE_PATTERN.exec(text);
  return match ? match[0] : undefined;
}

export function isLockout(bodyText: string): boolean {
  return findUnicoCode(bodyText) === LOCKED_CODE;
}
