/**
 * Reading a JSON file the user names (a collection, a --config, an emulator accounts file): one reading with a
 * typed outcome for every caller, which words its own one-line error (its flag, what to give instead). A byte
 * order mark, as Windows editors write one, is not a reason to refuse a file.
 */
import fs from 'node:fs';

export type JsonFileRead =
  | { ok: true; value: unknown }
  | { ok: false; problem: 'unreadable'; code: string; cause: unknown }
  | { ok: false; problem: 'not-json'; detail: string; cause: unknown };

export function readJson(file: string): JsonFileRead {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, problem: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'error', cause: error };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    // The parser's first line names the position; never the text itself (a key file may be given by mistake).
    return { ok: false, problem: 'not-json', detail: (error as Error).message.split('\n')[0], cause: error };
  }
}
