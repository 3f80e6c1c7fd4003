/**
 * Secrets the run creates (assertions, access tokens, cached tokens) are not known in advance: collect them
 * from what crosses the wire and from the variable scopes, so the scrubber masks them even when they are
 * not JWT-shaped. Collection is by name (headers, form fields, JSON fields, variables), never by value.
 */
import type { NewmanSummary, SdkRequest, SdkResponse, SdkVariableScope } from '../newman-types';
import { safe } from '../util';
import { headerCredentials, SECRET_VARIABLE_PATTERN } from './names';
import type { SecretSet } from './secret-set';

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
