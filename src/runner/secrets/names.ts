/**
 * What is a secret by its name: variables, form and JSON fields whose values are credentials, and the credential
 * part of a header. By name, never by value, so that what a collection adds later (a cached token) is covered too.
 */

/**
 * Variables whose values are credentials: scrubbed from every output even when not JWT-shaped.
 * Matched by name so that variables the collection adds later (e.g. a cached token) are covered too.
 */
export const SECRET_VARIABLE_PATTERN = /(private_?key|api_?key|access_?token|refresh_?token|id_?token|token_?cache|assertion|jwt|secret|password|bearer)/i;

const AUTH_HEADER = /^(authorization|proxy-authorization)$/i;
const SECRET_HEADER = /^(apikey|x-api-key)$/i;
const AUTH_SCHEME = /^(bearer|basic|digest|negotiate|token|hoba|mutual|aws4-hmac-sha256)?$/i;

/**
 * The credential part of a header value: after the scheme of an Authorization header (`Bearer `, `Basic `,
 * any `scheme SP credentials`), each cookie's value, or the whole value of an API-key header; none for any
 * other header.
 */
export function headerCredentials(key: string, value: string): string[] {
  if (AUTH_HEADER.test(key)) {
    const match = /^\s*[A-Za-z][\w.+-]*\s+(\S.*)$/.exec(value);
    if (match) return [match[1].trim()];
    // `Bearer ` with an empty token carries no credential; a bare value without a scheme is one.
    return AUTH_SCHEME.test(value.trim()) ? [] : [value.trim()];
  }
  if (/^cookie$/i.test(key)) return value.split(';').map((c) => c.slice(c.indexOf('=') + 1).trim());
  return SECRET_HEADER.test(key) ? [value.trim()] : [];
}
