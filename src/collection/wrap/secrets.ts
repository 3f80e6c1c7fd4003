/**
 * Credentials left in collection or folder variables — a pasted private key (Unico's Authentication collection
 * keeps it in a `private_key` variable) or a signed assertion / access token from an earlier run (`jwt_token`) —
 * are emptied: a file `wrap` writes carries no secret. The key belongs in the environment's `private_key` (a
 * secret variable, never synced when left empty) or the Postman Vault; the layer signs and caches the rest.
 */
import { isObject, JsonObject } from './json';
import { variableScopes } from './walk';

const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
const JWT = /^\s*eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\s*$/;

/** Empties the variables that hold a private key or a JWT, in place; their names. */
export function emptySecretVariables(collection: JsonObject): string[] {
  const emptied: string[] = [];
  for (const scope of variableScopes(collection)) {
    if (!Array.isArray(scope.variable)) continue;
    for (const v of scope.variable) {
      if (!isObject(v) || typeof v.value !== 'string' || !(PRIVATE_KEY.test(v.value) || JWT.test(v.value))) continue;
      v.value = '';
      emptied.push(String(v.key));
    }
  }
  return emptied;
}
