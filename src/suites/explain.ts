/**
 * Unico's explanation of an error code (cause and remedy), for messages that become test results. Only the
 * test script bundles this (and so Unico's error table); everything else writes `codeNote(code)`.
 */
import { isUnicoErrorCode, UNICO_ERRORS } from '../idcloud/errors';
import { CODE_NOTE_PATTERN } from './outcome';

/** "1.2.5 (the JWT cannot be validated …; check that …)" for a known code, the bare code otherwise. */
export function explainCode(code: string): string {
  if (!isUnicoErrorCode(code)) return code;
  const info = UNICO_ERRORS[code];
  return `${code} (${info.cause}; ${info.remedy})`;
}

/** Replaces every code note of `message` with the code's explanation. */
export function explainCodeNotes(message: string): string {
  return message.replace(CODE_NOTE_PATTERN, (_note, code: string) => explainCode(code));
}
