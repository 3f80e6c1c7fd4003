/**
 * JSON.parse for answers and run variables that may hold anything: undefined for a text that is not JSON
 * (no JSON text parses to undefined, so undefined means exactly that). Runtime-neutral: Node and the sandbox.
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
