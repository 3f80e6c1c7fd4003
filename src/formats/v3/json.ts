/** The few JSON shape helpers both directions of the conversion use. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A description as v3 holds it: v2.1's string or `{content}`; undefined when empty. */
export function descriptionText(value: unknown): string | undefined {
  const text = isObject(value) ? value.content : value;
  return typeof text === 'string' && text !== '' ? text : undefined;
}

/** Only the members that are set, in the order given: what both directions build their objects with. */
export function defined(entries: Record<string, unknown>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) out[key] = value;
  return out;
}
