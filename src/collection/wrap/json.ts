/** The plain-JSON view `wrap` works on: it edits the user's own JSON, so every field it does not know survives. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{{name}}` alone (surrounding blanks allowed): the whole value is one variable. */
const PLACEHOLDER = /^\s*\{\{\s*([^{}]+?)\s*\}\}\s*$/;

/** The variable's name when the value is exactly one `{{variable}}`. */
export function placeholderName(value: unknown): string | undefined {
  return typeof value === 'string' ? PLACEHOLDER.exec(value)?.[1] : undefined;
}

/** Empty, or exactly one `{{variable}}`: a value the user fills in by hand, not a credential of its own. */
export function isEmptyOrPlaceholder(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && (value.trim() === '' || placeholderName(value) !== undefined));
}

/** A script's lines, whichever form (`exec` is a string or a list of lines in v2.x). */
export function scriptText(event: JsonObject): string {
  const script = event.script;
  const exec = isObject(script) ? script.exec : undefined;
  return Array.isArray(exec) ? exec.join('\n') : typeof exec === 'string' ? exec : '';
}
