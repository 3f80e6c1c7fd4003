/**
 * What maps to what between Collection v2.1 (the model every command works on) and Collection format 3.0.0 (Postman
 * v12's YAML directory, ../shared/reference/postman-v3.md), in one place. to-v3.ts and from-v3.ts read this table
 * and nothing else about the mapping.
 *
 * | v2.1                                            | v3                                                              |
 * |-------------------------------------------------|-----------------------------------------------------------------|
 * | collection `info.name`, folder/item `name`      | the directory or file stem (filename-safe, names.ts); `name:` when it differs |
 * | `info._postman_id`                              | `id` in the collection's definition (folder and request ids: not written, the app assigns its own) |
 * | `description` (string or `{content}`)           | `description` (a string)                                        |
 * | `variable` [{key, value, description, disabled}]| `variables` [{key, value (a string), description, disabled}]   |
 * | `auth` {type, [type]: [{key, value, type}]}     | `auth` {type, credentials: {key: value}}; `noauth` as is; no auth = inherit |
 * | `event` listen `prerequest` / `test`            | `scripts` type `http:beforeRequest` / `http:afterResponse` in a definition, `beforeRequest` / `afterResponse` in a request file; `code` = the lines joined by newlines; `language: text/javascript` |
 * | item order                                      | `order`: 1000, 2000, … among siblings (folders and requests alike) |
 * | `request.method`, `request.url` (its text)      | `method`, `url`                                                 |
 * | `url.query` [{key, value, description, disabled}] | `queryParams` (the same list)                                 |
 * | `url.variable` [{key, value, description}]      | `pathVariables`                                                 |
 * | `request.header`                                | `headers` [{key, value, description, disabled}]                 |
 * | body `raw` + `options.raw.language` json, xml, html, javascript, text (or none) | body `{type: json, xml, html, javascript, text; content}` |
 * | body `urlencoded` / `formdata` / `file`         | body `{type: urlencoded / formdata / file; content}`            |
 * | `protocolProfileBehavior` of a request          | `settings`, for the keys in SETTINGS_KEYS                       |
 *
 * Left out, and said (LEFT_OUT): saved examples (`response` / `*.example.yaml`), GraphQL bodies and every non-HTTP
 * request kind, disabled or external scripts, scripts of other protocols, request settings outside SETTINGS_KEYS,
 * collection- and folder-level `protocolProfileBehavior`, `info.version`, a request's `proxy` and `certificate`.
 */

export type ScriptListen = 'prerequest' | 'test';
export type ScriptPlace = 'definition' | 'request';

/** A script's `type` by the v2.1 event it is and where it sits: only definitions carry the protocol prefix. */
export const SCRIPT_TYPES: Readonly<Record<ScriptListen, Readonly<Record<ScriptPlace, string>>>> = {
  prerequest: { definition: 'http:beforeRequest', request: 'beforeRequest' },
  test: { definition: 'http:afterResponse', request: 'afterResponse' },
};

/** The only `language` the Postman CLI accepts (`javascript` is a lint error); v2.1's `script.type`. */
export const SCRIPT_LANGUAGE = 'text/javascript';

/** Script types of other protocols in a definition (GraphQL, gRPC): valid v3, left out of an HTTP run. */
export const OTHER_PROTOCOL_SCRIPT = /^(graphql|grpc):/;

/** v3 body types that are v2.1 `raw` bodies, with the `options.raw.language` each stands for. */
export const RAW_BODY_TYPES: Readonly<Record<string, string>> = { json: 'json', text: 'text', xml: 'xml', html: 'html', javascript: 'javascript' };

/** v2.1 body modes with a v3 body type of the same name and a list (or `{src}`) as `content`. */
export const LIST_BODY_TYPES = ['urlencoded', 'formdata'] as const;

/** `settings` keys of a v3 request, each the v2.1 `protocolProfileBehavior` key of the same name. */
export const SETTINGS_KEYS = ['protocolVersion', 'strictSSL', 'followRedirects', 'maxRedirects', 'disabledSystemHeaders'] as const;

/** The settings both formats share (kept) and the names of the others (left out), from either side's map. */
export function splitSettings(value: Readonly<Record<string, unknown>>): { kept: Record<string, unknown> | undefined; dropped: string[] } {
  const kept: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, setting] of Object.entries(value)) {
    if ((SETTINGS_KEYS as readonly string[]).includes(key)) kept[key] = setting;
    else dropped.push(key);
  }
  return { kept: Object.keys(kept).length > 0 ? kept : undefined, dropped };
}

export const REQUEST_KIND = 'http-request';
export const DEFINITION_KIND = 'collection';

/** Request kinds of Collection format 3.0.0 that are not HTTP requests: read, left out of a v2.1 run, and said. */
export const OTHER_REQUEST_KINDS = ['graphql-request', 'grpc-request', 'websocket-request', 'socket.io-request', 'mqtt-request', 'mcp-request', 'llm-request'] as const;

/** File and directory names of the layout. */
export const LAYOUT = {
  resources: '.resources',
  definition: 'definition.yaml',
  /** Accepted when reading too (the Postman CLI reads both). */
  definitionYml: 'definition.yml',
  requestSuffix: '.request.yaml',
  requestSuffixYml: '.request.yml',
  exampleSuffix: '.example.yaml',
  collections: ['postman', 'collections'],
  environments: ['postman', 'environments'],
  environmentSuffix: '.environment.yaml',
} as const;

/** `order` of the i-th sibling (0-based): steps of 1000 leave room for requests added in the app. */
export function orderOf(index: number): number {
  return (index + 1) * 1000;
}

/** What the conversion leaves out, in the words of the notes it prints. */
export const LEFT_OUT = {
  examples: 'saved examples (responses)',
  graphql: 'GraphQL requests',
  otherKinds: 'non-HTTP requests',
  disabledScripts: 'disabled scripts',
  externalScripts: 'scripts loaded from a file (src)',
  otherEvents: 'scripts of other events',
  otherProtocolScripts: 'scripts of other protocols (GraphQL, gRPC)',
  requestSettings: 'request settings',
  scopeSettings: 'collection and folder settings (protocolProfileBehavior)',
  version: 'the collection version (info.version)',
  proxyCertificate: 'per-request proxy and certificate',
  unknownKeys: 'keys of no known meaning',
} as const;

export type LeftOutKind = keyof typeof LEFT_OUT;
