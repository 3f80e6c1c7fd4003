/**
 * The auth layer every collection this tool writes or wraps carries (cli-contract.md "The auth layer"):
 * collection-level `bearer` auth on `{{idcloud_access_token}}`, which every request without auth of its own
 * inherits, and the two collection-level scripts that fill it (src/sandbox/script/entries/, built into
 * dist/sandbox-scripts/). The generator and `wrap` both take it from here, so the two never drift apart.
 */
import { RUN_VARIABLES } from '../suites/variables';
import { sandboxScript } from './script-text';

/** The first line of each of our scripts: how `wrap` recognises (and refreshes) a layer it wrote before. */
export const AUTH_LAYER_MARKER = '// idcloud-postman auth layer: generated, do not edit (regenerate or re-wrap to update)';

export type ScriptListen = 'prerequest' | 'test';

/** Collection v2.1 `auth` of the collection: Bearer with the token the pre-request script leaves. */
export function authLayerAuth(): object {
  return { type: 'bearer', bearer: [{ key: 'token', value: `{{${RUN_VARIABLES.accessToken}}}`, type: 'string' }] };
}

/** The script lines of one of our collection-level scripts, marker first. */
export function authLayerScriptLines(listen: ScriptListen): string[] {
  const text = sandboxScript(listen === 'prerequest' ? 'prerequest' : 'tests');
  return [AUTH_LAYER_MARKER, ...text.replace(/\n+$/, '').split('\n')];
}

/** Collection v2.1 `event` entries of the auth layer: our pre-request and test scripts. */
export function authLayerEvents(): object[] {
  return (['prerequest', 'test'] as const).map((listen) => ({
    listen,
    script: { type: 'text/javascript', exec: authLayerScriptLines(listen) },
  }));
}

/** True when script lines are (an older version of) ours. */
export function isAuthLayerScript(exec: readonly string[] | string | undefined): boolean {
  const first = Array.isArray(exec) ? exec[0] : typeof exec === 'string' ? exec.split('\n')[0] : undefined;
  return typeof first === 'string' && first.trim() === AUTH_LAYER_MARKER;
}
