/**
 * The collection level of a wrapped collection: `auth` is the layer's bearer (collection/auth-layer.ts), and the
 * layer's pre-request and test scripts come first among the collection's events, each its own event. The
 * user's collection-level scripts stay as they were, as their own events after ours: each event runs in its own
 * scope in Newman and in the app's runtime, so our bundled script's "use strict" never applies to the user's
 * code, and an error in one cannot stop the other. A layer an earlier wrap (or the generator) wrote is
 * recognised by its marker line and replaced by the current one.
 */
import { authLayerAuth, authLayerEvents, isAuthLayerScript } from '../auth-layer';
import { authLabel, isLayerBearer, isPlaceholderBearer } from './auth';
import { isObject, JsonObject } from './json';

export type CollectionAuthChange =
  /** The collection had no auth: the layer's is added. */
  | { change: 'added' }
  /** The layer's auth was already there. */
  | { change: 'current' }
  /** A placeholder bearer or `noauth`: replaced, nothing of the user's is lost. */
  | { change: 'replaced'; former: string }
  /** A credential of the user's own (basic, API key, OAuth 2, a literal bearer…): replaced by the layer for
   * product API requests; kept by each request to another origin that relied on it (`former` is moved there). */
  | { change: 'moved'; former: string; formerAuth: JsonObject };

export type ScriptsChange = 'added' | 'updated' | 'current';

/** What the collection's auth is now, before anything is changed. */
export function collectionAuthChange(collection: JsonObject): CollectionAuthChange {
  const auth = collection.auth;
  if (!isObject(auth)) return { change: 'added' };
  if (isLayerBearer(auth)) return { change: 'current' };
  if (isPlaceholderBearer(auth) || auth.type === 'noauth') return { change: 'replaced', former: authLabel(auth) };
  return { change: 'moved', former: authLabel(auth), formerAuth: auth };
}

/** Sets the layer's auth and events in place; how the scripts changed and how many events of the user's stay. */
export function applyLayer(collection: JsonObject): { scripts: ScriptsChange; userEvents: number } {
  const events = Array.isArray(collection.event) ? collection.event : [];
  const ours = events.filter((e) => isObject(e) && isObject(e.script) && isAuthLayerScript(e.script.exec as string[] | string | undefined));
  const theirs = events.filter((e) => !ours.includes(e));
  const current = authLayerEvents();
  const scripts: ScriptsChange = ours.length === 0 ? 'added' : JSON.stringify(ours) === JSON.stringify(current) ? 'current' : 'updated';
  setBefore(collection, 'auth', authLayerAuth());
  setBefore(collection, 'event', [...current, ...theirs]);
  return { scripts, userEvents: theirs.length };
}

/** Sets `key` in place when present, else before `variable` (where the app writes `auth` and `event`). */
function setBefore(object: JsonObject, key: string, value: unknown): void {
  if (key in object || !('variable' in object)) {
    object[key] = value;
    return;
  }
  const entries = Object.entries(object);
  for (const k of Object.keys(object)) delete object[k];
  for (const [k, v] of entries) {
    if (k === 'variable') object[key] = value;
    object[k] = v;
  }
}
