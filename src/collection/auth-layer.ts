/**
 * The auth layer every collection this tool writes or wraps carries (cli-contract.md "The auth layer"):
 * collection-level `bearer` auth on `{{idcloud_access_token}}`, which every request without auth of its own
 * inherits, and the two collection-level scripts that fill it (src/sandbox/script/entries/, built into
 * dist/collection/sandbox-scripts.js). The generator and `wrap` both take it from here, so the two never drift apart: the
 * generated collection has no other script (its `Token errors` cases are the pre-request script's too).
 */
import { randomUUID } from 'node:crypto';
import { RUN_VARIABLES } from '../suites/variables';
import { sandboxScript } from './script-text';

/** The first line of each of our scripts (after the directive below): how `wrap` recognises (and refreshes) a layer it wrote before. */
export const AUTH_LAYER_MARKER = '// idcloud-postman auth layer: generated, do not edit (regenerate or re-wrap to update)';

/**
 * Postman's own switch, read from a script's first 15 characters in both sandboxes (postman-sandbox 4.7.1 and 6.x):
 * the script uses only `pm`, so the sandbox skips building the legacy globals (`postman`, `tests`, `responseBody`,
 * a copy of every variable, …) for it, on every request.
 */
export const NON_LEGACY_DIRECTIVE = '"use sandbox2";';

export type ScriptListen = 'prerequest' | 'test';

/** Collection v2.1 `auth` of the collection: Bearer with the token the pre-request script leaves. */
export function authLayerAuth(): object {
  return { type: 'bearer', bearer: [{ key: 'token', value: `{{${RUN_VARIABLES.accessToken}}}`, type: 'string' }] };
}

/** The script lines of one of our scripts (the bundle of src/sandbox/script/entries/ENTRY.ts), directive and marker first. */
export function ourScriptLines(entry: string): string[] {
  const text = sandboxScript(entry);
  return [NON_LEGACY_DIRECTIVE, AUTH_LAYER_MARKER, ...text.replace(/\n+$/, '').split('\n')];
}

/** A Collection v2.1 `event` entry running one of our scripts. */
export function ourScriptEvent(listen: ScriptListen, entry: string): object {
  return { listen, script: { type: 'text/javascript', exec: ourScriptLines(entry) } };
}

/** Collection v2.1 `event` entries of the auth layer: our collection-level pre-request and test scripts. */
export function authLayerEvents(): object[] {
  return [ourScriptEvent('prerequest', 'prerequest'), ourScriptEvent('test', 'tests')];
}

/** True when script lines are (an older version of) ours: the marker first, or after the directive. */
export function isAuthLayerScript(exec: readonly string[] | string | undefined): boolean {
  const lines = Array.isArray(exec) ? exec : typeof exec === 'string' ? exec.split('\n') : [];
  const first = typeof lines[0] === 'string' && lines[0].trim() === NON_LEGACY_DIRECTIVE ? lines[1] : lines[0];
  return typeof first === 'string' && first.trim() === AUTH_LAYER_MARKER;
}

/**
 * Gives every event script of the layer in `collection` (collection level and folders, recognised by the marker)
 * a fresh random id, in place, and returns the ids. Newman puts a script's id on each console event it logs
 * (`cursor.scriptId`), so a runner that tags its copy of the collection this way believes run signals
 * (suites/run-signals.ts) only from the layer's scripts: a user's script cannot know, nor take, these ids.
 */
export function tagLayerScripts(collection: object): Set<string> {
  const ids = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const { event, item } = node as { event?: unknown; item?: unknown };
    if (Array.isArray(event)) {
      for (const e of event) {
        const script = e && typeof e === 'object' ? (e as { script?: { exec?: string[] | string; id?: string } }).script : undefined;
        if (!script || !isAuthLayerScript(script.exec)) continue;
        script.id = `idcloud-layer-${randomUUID()}`;
        ids.add(script.id);
      }
    }
    if (Array.isArray(item)) item.forEach(visit);
  };
  visit(collection);
  return ids;
}
