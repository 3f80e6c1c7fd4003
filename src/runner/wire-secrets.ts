/**
 * Secrets the run creates (assertions, access tokens, cached tokens) are not known in advance: collect them
 * from what crosses the wire and from the variable scopes, so the scrubber masks them even when they are
 * not JWT-shaped. Collection is by name (headers, form fields, JSON fields, variables), never by value.
 */
import type { SecretSet } from './secrets';
import type { NewmanSummary, SdkRequest, SdkResponse, SdkVariableScope } from './newman-types';
import { SECRET_VARIABLE_PATTERN } from './variables';
import { safe } from './util';

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

/**
 * Credentials seen on the wire (the credential part of auth headers, secret-named form fields and JSON answer
 * fields) join the scrubber as observed values: long single tokens only (SecretSet.addObserved).
 */
export function collectRequestSecrets(request: SdkRequest, response: SdkResponse | undefined, scrubber: SecretSet): void {
  safe(() => request.headers?.each((h) => {
    if (typeof h.value === 'string') for (const credential of headerCredentials(h.key, h.value)) scrubber.addObserved(credential);
  }), undefined);
  safe(() => request.body?.urlencoded?.each((field) => {
    if (SECRET_VARIABLE_PATTERN.test(field.key)) scrubber.addObserved(field.value);
  }), undefined);
  const text = safe(() => response?.stream?.toString('utf8') ?? '', '');
  if (text.startsWith('{')) {
    const body = safe(() => JSON.parse(text) as Record<string, unknown>, {});
    for (const [key, value] of Object.entries(body)) if (SECRET_VARIABLE_PATTERN.test(key)) scrubber.addObserved(value);
  }
}

function scopes(summary: NewmanSummary): SdkVariableScope[] {
  return [summary.environment, summary.collection?.variables, summary.globals].filter((s): s is SdkVariableScope => Boolean(s));
}

/** Values the scripts stored under secret-looking names (a cached token, a signed assertion). */
export function collectScopeSecrets(summary: NewmanSummary, scrubber: SecretSet): void {
  for (const scope of scopes(summary)) {
    safe(() => scope.values?.each((v) => {
      if (v.type === 'secret' || SECRET_VARIABLE_PATTERN.test(v.key)) scrubber.addObserved(v.value);
    }), undefined);
  }
}
