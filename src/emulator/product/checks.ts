/**
 * The validation result every body check returns, and the few field readers they share. A failure names
 * the field by its JSON path and says what to send instead.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

export const invalid = (field: string, message: string): { ok: false; field: string; message: string } => ({ ok: false, field, message });

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** `field: message`, the one line an error body carries. */
export function describeFailure(failure: { field: string; message: string }): string {
  return `${failure.field}: ${failure.message}`;
}
