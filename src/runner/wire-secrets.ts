/**
 * Secrets the run creates (assertions, access tokens, cached tokens) are not known in advance: collect them
 * from what crosses the wire and from the variable scopes, so the scrubber masks them even when they are
 * not JWT-shaped. Collection is by name (headers, form fields, JSON fields, variables), never by value.
 */
import type { SecretSet } from './secrets';
import type { NewmanSummary, SdkRequest, SdkResponse, SdkVariableScope } from './newman-types';
import { SECRET_VARIABLE_PATTERN } from './variables';
import { safe } from './util';

const SECRET_HEADER = /^(authorization|apikey|x-api-key|cookie|proxy-authorization)$/i;

/** Credentials seen on the wire (auth headers, secret-named form fields and JSON answer fields) join the scrubber. */
export function collectRequestSecrets(request: SdkRequest, response: SdkResponse | undefined, scrubber: SecretSet): void {
  safe(() => request.headers?.each((h) => {
    if (SECRET_HEADER.test(h.key) && typeof h.value === 'string') {
      scrubber.add(h.value).add(h.value.replace(/^\s*(Bearer|Basic)\s+/i, ''));
    }
  }), undefined);
  safe(() => request.body?.urlencoded?.each((field) => {
    if (SECRET_VARIABLE_PATTERN.test(field.key)) scrubber.add(field.value);
  }), undefined);
  const text = safe(() => response?.stream?.toString('utf8') ?? '', '');
  if (text.startsWith('{')) {
    const body = safe(() => JSON.parse(text) as Record<string, unknown>, {});
    for (const [key, value] of Object.entries(body)) if (SECRET_VARIABLE_PATTERN.test(key)) scrubber.add(value);
  }
}

function scopes(summary: NewmanSummary): SdkVariableScope[] {
  return [summary.environment, summary.collection?.variables, summary.globals].filter((s): s is SdkVariableScope => Boolean(s));
}

/** Values the scripts stored under secret-looking names (a cached token, a signed assertion). */
export function collectScopeSecrets(summary: NewmanSummary, scrubber: SecretSet): void {
  for (const scope of scopes(summary)) {
    safe(() => scope.values?.each((v) => {
      if (v.type === 'secret' || SECRET_VARIABLE_PATTERN.test(v.key)) scrubber.add(v.value);
    }), undefined);
  }
}
