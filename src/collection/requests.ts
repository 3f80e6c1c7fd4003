/**
 * The collection's requests, one per case of src/suites: built as postman-collection SDK Items, without ids
 * (optional in v2.1; the runtime and the Postman app assign their own). Requests carry no scripts; each names
 * its case in the X-IdCloud-Case header and the collection-level scripts do the rest, except for the negative
 * cases, which the `Token errors` folder's own pre-request script builds (only its requests compile it).
 */
import { Item, ItemGroup } from 'postman-collection';
import { JWT_BEARER_GRANT_TYPE, TOKEN_PATH } from '../idcloud/hosts';
import { EXPIRES_IN_RULE } from '../idcloud/token-response';
import { ApiCase, API_CASES, GARBAGE_TOKEN } from '../suites/api';
import { apiCaseName } from '../suites/api-docs';
import { negativeCaseDoc } from '../suites/case-docs';
import { ExchangeBody, NEGATIVE_CASES, NegativeCase, WRONG_GRANT_TYPE } from '../suites/cases';
import { CASE_HEADER, ENV_VARIABLES, PRODUCT_URL_VARIABLE, RUN_VARIABLES, TOKEN_EXCHANGE_CASE } from '../suites/variables';

import { FOLDERS } from '../suites/folders';


const ref = (name: string): string => `{{${name}}}`;
const TOKEN_URL = ref(ENV_VARIABLES.identityUrl) + TOKEN_PATH;

interface KeyValue {
  key: string;
  value: string;
}

function caseHeader(id: string): KeyValue {
  return { key: CASE_HEADER, value: id };
}

function tokenEndpointRequest(caseId: string, body: ExchangeBody): object {
  const assertion = { key: 'assertion', value: ref(RUN_VARIABLES.assertion) };
  if (body === 'json') {
    return {
      method: 'POST',
      url: TOKEN_URL,
      // The runtime sets Content-Type: application/json from the raw body's language.
      header: [caseHeader(caseId)],
      body: {
        mode: 'raw',
        raw: JSON.stringify({ grant_type: JWT_BEARER_GRANT_TYPE, assertion: assertion.value }),
        options: { raw: { language: 'json' } },
      },
    };
  }
  const grantType = { key: 'grant_type', value: body === 'form-wrong-grant-type' ? WRONG_GRANT_TYPE : JWT_BEARER_GRANT_TYPE };
  return {
    method: 'POST',
    url: TOKEN_URL,
    // The runtime sets Content-Type: application/x-www-form-urlencoded for this body mode.
    header: [caseHeader(caseId)],
    body: { mode: 'urlencoded', urlencoded: body === 'form-without-assertion' ? [grantType] : [grantType, assertion] },
  };
}

const NO_AUTH = { type: 'noauth' };

function item(name: string, request: object, description?: string): Item {
  return new Item({ name, request: description ? { ...request, description } : request });
}

/** `auth` noauth: token-endpoint requests send no client authentication (Unico: none), so they stop the layer. */
function folder(name: string, description: string, items: Item[], auth?: object): ItemGroup<Item> {
  const group = new ItemGroup<Item>({ name, description, ...(auth && { auth }) });
  for (const child of items) group.items.add(child);
  return group;
}

export function tokenFolder(): ItemGroup<Item> {
  return folder(
    FOLDERS.token,
    // expires_in in the words of the rule itself (idcloud/token-response.ts), so the two cannot drift.
    `The exchange as a visible request: a freshly signed assertion (form \`grant_type\` + \`assertion\`) for an access token. Checks 200, JSON, \`token_type\` Bearer, a non-empty \`access_token\` and \`expires_in\` ${EXPIRES_IN_RULE} (any lifetime: Unico's "may vary by company configuration"; over 24 h passes with a console warning), and seeds the token cache the \`API\` folder uses. No auth of its own (\`noauth\`): the exchange sends no client authentication.`,
    [item(TOKEN_EXCHANGE_CASE.name, tokenEndpointRequest(TOKEN_EXCHANGE_CASE.id, 'form'), 'Signs a fresh RS256 assertion in the collection pre-request script and exchanges it (RFC 7523 JWT bearer).')],
    NO_AUTH,
  );
}

function negativeItem(c: NegativeCase): Item {
  const doc = negativeCaseDoc(c.id);
  // What it changes; the name and the folder's description say what answer is expected.
  return item(doc.name, tokenEndpointRequest(c.id, c.body), `Mutates: ${doc.mutates}.`);
}

export function tokenErrorsFolder(): ItemGroup<Item> {
  return folder(
    FOLDERS.tokenErrors,
    'One request per negative case, each changing exactly one thing of an otherwise valid, freshly signed assertion or exchange request, and expecting Unico\'s rejection: 401 (or 400/415 for a malformed request), with the code its name gives. **Every request here is an invalid authentication attempt**: Unico locks an account after too many. The run counts them and skips the rest beyond `max_invalid_attempts`, and stops at the first 1.2.18 (account locked). Run this folder against a real environment only on purpose.',
    NEGATIVE_CASES.map(negativeItem),
    // No script of its own: the collection-level script builds its cases, with the collection's one signer.
    NO_AUTH,
  );
}

/** Own auth of a case that does not inherit the layer: `noauth`, or a Bearer with the garbage token. */
function ownAuth(c: ApiCase): object | undefined {
  if (c.auth === 'none') return NO_AUTH;
  if (c.auth === 'garbage') return { type: 'bearer', bearer: [{ key: 'token', value: GARBAGE_TOKEN, type: 'string' }] };
  return undefined;
}

function apiItem(c: ApiCase): Item {
  const header: KeyValue[] = [caseHeader(c.id)];
  // The layer adds APIKEY to valid-token requests, as to the user's own; requests with auth of their own carry it.
  if (c.apiKeyHeader) header.push({ key: 'APIKEY', value: ref(ENV_VARIABLES.apiKey) });
  const request: Record<string, unknown> = { method: c.method, url: ref(PRODUCT_URL_VARIABLE[c.product]) + c.path, header };
  const auth = ownAuth(c);
  if (auth) request.auth = auth;
  if (c.body) {
    // Only the pre-request script fills the body, and with a create that creates anything only on the emulator
    // (suites/api.ts requestBody); the rejections always send `{}`.
    const raw = c.body === 'empty' ? '{}' : ref(RUN_VARIABLES.body);
    request.body = { mode: 'raw', raw, options: { raw: { language: 'json' } } };
  }
  // No description: the name says what is sent and expected, the folder's description the rest.
  return item(apiCaseName(c), request);
}

export function apiFolder(): ItemGroup<Item> {
  return folder(
    FOLDERS.api,
    'Every product endpoint (`unico_api_url`, `sign_api_url`, `client_api_url`; by Client needs `api_key`, skipped without): a valid token, inherited from the collection\'s auth as your own requests do, is not rejected; no token (`noauth`), a garbage token and a missing APIKEY are (401/403). On the emulator (recognised at run time by its `X-IdCloud-Emulator` answers on loopback, never by the address alone) the whole flow runs with real bodies and each step must answer 2xx; **anywhere else nothing is created**: creates send `{}` (400), reads unknown ids (404).',
    API_CASES.map(apiItem),
  );
}
