/**
 * wrapCollection on stand-ins shaped like each of Unico's published collections (idcloud-auth.md §6) and on the
 * cases around them: structure, hosts, folded credentials, the removed signer, what is left alone and why,
 * schema validity, idempotence, and typed errors for bad input. The runs against the emulator are wrap-run.test.ts.
 */
import { buildCollection } from '../../src/collection';
import { authLayerAuth, authLayerEvents, AUTH_LAYER_MARKER } from '../../src/collection/auth-layer';
import {
  reportLines,
  WrapCollectionV1Error,
  wrapCollection,
  WrapNoRequestsError,
  WrapNotCollectionError,
  WrapUnsupportedSchemaError,
} from '../../src/collection/wrap';
import { mapUrlText } from '../../src/collection/wrap/hosts';
import { collectionJsonText } from '../../src/collection/write';
import { BUILT_IN_ENVIRONMENTS } from '../../src/idcloud/hosts';
import { HOST_VARIABLES } from '../../src/suites/variables';
import { CASE_HEADER, ENV_VARIABLES, RUN_VARIABLES, TOKEN_EXCHANGE_CASE } from '../../src/suites/variables';
import { testKeyPair } from '../helpers/keys';
import { schemaErrors, standIn, STAND_INS } from './wrap-support';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** Every request item of a collection, with its folder path. */
function requests(collection: Json, prefix = ''): { path: string; item: Json; folders: Json[] }[] {
  const out: { path: string; item: Json; folders: Json[] }[] = [];
  const visit = (items: Json[], path: string, folders: Json[]) => {
    for (const item of items) {
      if (Array.isArray(item.item)) visit(item.item, `${path}${item.name} / `, [...folders, item]);
      else out.push({ path: `${path}${item.name}`, item, folders });
    }
  };
  visit(collection.item, prefix, []);
  return out;
}

/** The outline the user sees: folder and request names, in order. */
function outline(items: Json[]): Json[] {
  return items.map((i) => (Array.isArray(i.item) ? { folder: i.name, item: outline(i.item) } : i.name));
}

function urlOf(item: Json): string {
  const url = item.request.url;
  return typeof url === 'string' ? url : url.raw;
}

function minimal(items: Json[], extra: Json = {}): Json {
  return { info: { name: 'mine', schema: V21 }, item: items, ...extra };
}

function request(name: string, url: Json, more: Json = {}): Json {
  return { name, request: { method: 'GET', header: [], url, ...more } };
}

describe.each(STAND_INS)('the %s stand-in, wrapped', (name) => {
  const input = standIn(name);
  const pristine = JSON.stringify(input);
  const { collection, report } = wrapCollection(input, { source: `${name}.json` }) as { collection: Json; report: Json };

  test('is valid Collection v2.1.0 (the official schema), with the layer on the collection and our scripts first', () => {
    expect(schemaErrors(collection)).toEqual([]);
    expect(collection.info.schema).toBe(V21);
    expect(collection.auth).toEqual(authLayerAuth());
    expect(collection.event.slice(0, 2)).toEqual(authLayerEvents());
  });

  test('leaves its input object untouched', () => {
    expect(JSON.stringify(input)).toBe(pristine);
  });

  test('keeps names, order, folders, bodies, descriptions and examples', () => {
    const original = standIn(name);
    expect(outline(collection.item)).toEqual(outline(original.item));
    const before = requests(original);
    const after = requests(collection);
    for (const [i, r] of after.entries()) {
      // The one body change: the token request's assertion is the one the layer signs (Authentication stand-in).
      const body = JSON.stringify(r.item.request.body ?? null).replace('{{idcloud_assertion}}', '{{jwt_token}}');
      expect(JSON.parse(body)).toEqual(before[i].item.request.body ?? null);
      expect(r.item.request.description).toEqual(before[i].item.request.description);
      expect(r.item.request.method).toEqual(before[i].item.request.method);
      expect(r.item.response).toEqual(before[i].item.response);
    }
    expect(collection.info.description).toBe(original.info.description);
  });

  test('every request inherits the layer or is reported, and no Unico host is left outside saved examples', () => {
    const accounted = [...report.wrapped, ...report.tokenExchange, ...report.suiteCases, ...report.leftAlone.map((l: Json) => l.request)];
    expect(accounted.sort()).toEqual(requests(collection).map((r) => r.path).sort());
    expect(report.requests).toBe(requests(collection).length);
    for (const path of report.wrapped) {
      const r = requests(collection).find((x) => x.path === path)!;
      expect(r.item.request.auth).toBeUndefined();
      expect(r.folders.every((f) => f.auth === undefined)).toBe(true);
    }
    // Our scripts name Unico's hosts (the built-in environments): only the user's parts are checked.
    const withoutExamples = JSON.stringify({ variable: collection.variable, item: requests(collection).map((r) => ({ ...r.item, response: undefined })) });
    for (const host of Object.keys(HOST_VARIABLES)) expect(withoutExamples).not.toContain(host);
  });

  test('is idempotent: wrapping the output changes nothing, byte for byte', () => {
    const again = wrapCollection(JSON.parse(collectionJsonText(collection)), { source: 'again' });
    expect(collectionJsonText(again.collection)).toBe(collectionJsonText(collection));
    expect(again.report.unchanged).toBe(true);
    expect(again.report.scripts).toBe('current');
    expect(again.report.collectionAuth).toBe('current');
    expect(again.report.wrapped).toEqual(report.wrapped);
    expect(again.report.tokenExchange).toEqual(report.tokenExchange);
  });
});

describe('Web & SDK stand-in: hard-coded hosts, trailing slashes, empty bearer auth', () => {
  const original = standIn('web-sdk');
  const { collection, report } = wrapCollection(standIn('web-sdk')) as { collection: Json; report: Json };
  const all = requests(collection);

  test('maps both URL forms and keeps the path exactly as written (trailing slash included)', () => {
    const create = all.filter((r) => r.path.startsWith('Create / '));
    expect(create).toHaveLength(11);
    for (const r of create) expect(urlOf(r.item)).toBe('{{unico_api_url}}/client/v1/process/');
    const objectForm = create.find((r) => typeof r.item.request.url === 'object')!.item.request.url;
    const objectBefore = requests(original).find((r) => typeof r.item.request.url === 'object')!.item.request.url;
    expect(objectForm).toEqual({ raw: '{{unico_api_url}}/client/v1/process/', host: ['{{unico_api_url}}'], path: objectBefore.path });
    expect(objectForm.path).toEqual(['client', 'v1', 'process', '']);
    expect(create.some((r) => typeof r.item.request.url === 'string')).toBe(true);
  });

  test('the sign host goes to {{sign_api_url}}; every request inherits the layer', () => {
    const sign = all.filter((r) => /GetDocumentSigned|GetEvidenceSign/.test(r.path));
    expect(sign.map((r) => urlOf(r.item))).toEqual([`{{${ENV_VARIABLES.signApiUrl}}}/api/v1/service/file/{{document_id}}`, `{{${ENV_VARIABLES.signApiUrl}}}/api/v1/service/evidence/{{process_id}}`]);
    expect(report.wrapped).toHaveLength(16);
    expect(report.leftAlone).toEqual([]);
    expect(report.folded.filter((f: Json) => f.what === 'bearer auth (token empty)')).toHaveLength(16);
    expect(report.hostsMapped).toHaveLength(16);
  });

  test('keeps the Content-Type header and the base64 PDF bodies', () => {
    const sign = all.find((r) => r.path === 'Create / IDSign')!;
    expect(sign.item.request.header).toEqual([{ key: 'Content-Type', value: 'application/json', type: 'text' }]);
    expect(JSON.parse(sign.item.request.body.raw).payload[0].envelopePayload.documents[0].fileContents).toMatch(/^JVBERi0/);
  });
});

describe('by-Client stand-in: APIKEY and Authorization headers from variables, a test script, saved examples', () => {
  const original = standIn('by-client');
  const { collection, report } = wrapCollection(standIn('by-client')) as { collection: Json; report: Json };

  test('folds APIKEY: {{apikey}} and Authorization: {{authorization}} into the layer, keeps the other headers', () => {
    for (const r of requests(collection)) {
      expect(r.item.request.header.map((h: Json) => h.key)).toEqual(r.path === 'Create process' ? ['Content-Type'] : []);
      expect(urlOf(r.item)).toMatch(/^\{\{client_api_url\}\}\/processes\/v1/);
    }
    expect(report.folded.map((f: Json) => f.what).sort()).toEqual(['APIKEY: {{apikey}} header', 'APIKEY: {{apikey}} header', 'Authorization: {{authorization}} header', 'Authorization: {{authorization}} header']);
    expect(reportLines(report).join('\n')).toMatch(/no longer read \{\{apikey\}\}, \{\{authorization\}\}/);
  });

  test("keeps the user's test scripts and saved examples exactly", () => {
    const before = requests(original);
    for (const [i, r] of requests(collection).entries()) {
      expect(r.item.event).toEqual(before[i].item.event);
      expect(r.item.response).toEqual(before[i].item.response);
    }
  });
});

describe('Authentication stand-in (v2.0.0): the jsrsasign signer', () => {
  const { collection, report } = wrapCollection(standIn('authentication')) as { collection: Json; report: Json };
  const grant = requests(collection)[0].item;

  test('removes the library variable and the script that evaluated it, and says so', () => {
    expect(collection.variable.map((v: Json) => v.key)).toEqual(['base_path', 'service_account', 'tenant_id', 'private_key', 'jwt_token']);
    expect(grant.event).toBeUndefined();
    expect(JSON.stringify({ item: collection.item, variable: collection.variable })).not.toMatch(/KJUR|jsrsasign|eval\(/);
    expect(report.signerRemoved).toEqual({ variables: ['jsrsasign-js'], scripts: ['"JWT Bearer Grant" (prerequest)'] });
    expect(reportLines(report).join('\n')).toMatch(/signer removed: collection variable jsrsasign-js/);
  });

  test('maps base_path to {{identity_url}} and hands the JWT Bearer Grant to the layer (case header, our assertion)', () => {
    expect(collection.variable[0]).toEqual(expect.objectContaining({ key: 'base_path', value: `{{${ENV_VARIABLES.identityUrl}}}` }));
    expect(grant.request.url).toBe('{{base_path}}/oauth2/token');
    expect(grant.request.header).toContainEqual({ key: CASE_HEADER, value: TOKEN_EXCHANGE_CASE.id });
    expect(grant.request.body.urlencoded).toEqual([
      { key: 'grant_type', value: 'urn:ietf:params:oauth:grant-type:jwt-bearer', type: 'text' },
      { key: 'assertion', value: `{{${RUN_VARIABLES.assertion}}}`, type: 'text' },
    ]);
    expect(report.tokenExchange).toEqual(['JWT Bearer Grant']);
    expect(report.format).toBe('v2.0.0');
  });

  test('a pasted private key and a stale assertion in its variables are emptied, and said so', () => {
    const input = standIn('authentication');
    const pem = testKeyPair().pkcs8Pem;
    input.variable.find((v: Json) => v.key === 'private_key').value = pem;
    input.variable.find((v: Json) => v.key === 'jwt_token').value = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl';
    const wrapped = wrapCollection(input) as { collection: Json; report: Json };
    const text = collectionJsonText(wrapped.collection);
    expect(text).not.toContain(pem.split('\n')[1]);
    expect(text).not.toContain('eyJhbGciOiJSUzI1NiJ9');
    expect(wrapped.report.secretsEmptied).toEqual(['private_key', 'jwt_token']);
    expect(reportLines(wrapped.report).join('\n')).toMatch(/secrets emptied: variable private_key, jwt_token/);
    expect(reportLines(wrapped.report).join('\n')).not.toContain(pem.split('\n')[1]);
  });

  test('a signer at collection level is found too', () => {
    const input = standIn('authentication');
    input.event = input.item[0].event;
    delete input.item[0].event;
    const wrapped = wrapCollection(input) as { collection: Json; report: Json };
    expect(wrapped.report.signerRemoved.scripts).toEqual(['collection (prerequest)']);
    expect(wrapped.collection.event).toEqual(authLayerEvents());
  });
});

describe('what is left alone, and why', () => {
  const basic = { type: 'basic', basic: [{ key: 'username', value: 'u', type: 'string' }, { key: 'password', value: 'p', type: 'string' }] };
  const literal = { type: 'bearer', bearer: [{ key: 'token', value: 'eyJliteral.token.value', type: 'string' }] };
  const input = minimal([
    request('basic', 'https://api.id.uat.unico.app/processes/v1/1', { auth: basic }),
    request('literal bearer', 'https://api.idcloud.unico.app/client/v1/process/1', { auth: literal }),
    request('noauth', 'https://api.idcloud.unico.app/client/v1/process/2', { auth: { type: 'noauth' } }),
    request('foreign', 'https://api.example.com/v1/things', { header: [{ key: 'Authorization', value: '{{their_token}}' }, { key: 'APIKEY', value: '{{their_key}}' }], auth: { type: 'bearer', bearer: [{ key: 'token', value: '', type: 'string' }] } }),
    request('own header', 'https://api.idcloud.unico.app/client/v1/process/3', { header: [{ key: 'Authorization', value: 'Bearer eyJpasted.by.hand' }] }),
    request('other port', 'https://api.idcloud.unico.app:8443/client/v1/process/4'),
    request('look-alike', 'https://api.idcloud.unico.app.example.com/client/v1/process/5'),
    { name: 'basic folder', auth: basic, item: [request('inside', 'https://api.id.unico.app/processes/v1/6')] },
    { name: 'placeholder folder', auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] }, item: [request('inherits', 'https://api.id.unico.app/processes/v1/7')] },
  ]);
  const { collection, report } = wrapCollection(input) as { collection: Json; report: Json };
  const byName = (n: string) => requests(collection).find((r) => r.item.name === n)!.item;
  const reason = (n: string) => report.leftAlone.find((l: Json) => l.request.endsWith(n));

  test('own auth: basic, a literal bearer, noauth, a folder of its own', () => {
    expect(reason('basic')).toEqual({ request: 'basic', reason: 'own-auth', detail: 'basic' });
    expect(reason('literal bearer')).toEqual({ request: 'literal bearer', reason: 'own-auth', detail: 'bearer with a literal token' });
    expect(reason('noauth')).toEqual({ request: 'noauth', reason: 'own-auth', detail: 'noauth' });
    expect(reason('inside')).toEqual({ request: 'basic folder / inside', reason: 'own-auth', detail: 'folder "basic folder": basic' });
    expect(byName('basic').request.auth).toEqual(basic);
    expect(byName('literal bearer').request.auth).toEqual(literal);
  });

  test('a folded folder bearer stays with the folder\'s requests to other origins', () => {
    const bearer = { type: 'bearer', bearer: [{ key: 'token', value: '{{their_token}}', type: 'string' }] };
    const mixed = minimal([{ name: 'mixed', auth: bearer, item: [request('unico', 'https://api.id.unico.app/processes/v1'), request('theirs', 'https://intranet.example/x')] }]);
    const wrapped = wrapCollection(mixed) as { collection: Json; report: Json };
    const [unico, theirs] = wrapped.collection.item[0].item;
    expect(wrapped.collection.item[0].auth).toBeUndefined();
    expect(unico.request.auth).toBeUndefined();
    expect(theirs.request.auth).toEqual(bearer);
    expect(wrapped.report.formerAuthKeptBy).toEqual(['mixed / theirs']);
    expect(collectionJsonText(wrapCollection(wrapped.collection).collection)).toBe(collectionJsonText(wrapped.collection));
  });

  test('a placeholder bearer on a folder is folded: its requests inherit the layer', () => {
    expect(collection.item.find((i: Json) => i.name === 'placeholder folder').auth).toBeUndefined();
    expect(report.wrapped).toEqual(['placeholder folder / inherits']);
  });

  test('another origin keeps its own headers and auth (a foreign APIKEY is not ours to fold)', () => {
    expect(reason('foreign')).toEqual({ request: 'foreign', reason: 'other-origin', detail: 'https://api.example.com' });
    expect(byName('foreign').request).toEqual(input.item[3].request);
    expect(reason('other port').reason).toBe('other-origin');
    expect(reason('look-alike').detail).toBe('https://api.idcloud.unico.app.example.com');
  });

  test("a hand-pasted Authorization header stays and gets noauth, so the layer's bearer does not replace it", () => {
    expect(byName('own header').request.auth).toEqual({ type: 'noauth' });
    expect(byName('own header').request.header).toEqual([{ key: 'Authorization', value: 'Bearer eyJpasted.by.hand' }]);
    expect(reason('own header').reason).toBe('own-auth');
  });

  test('the report never quotes a literal credential', () => {
    const text = reportLines(report).join('\n') + JSON.stringify(report);
    expect(text).not.toContain('eyJliteral');
    expect(text).not.toContain('eyJpasted');
    expect(schemaErrors(collection)).toEqual([]);
  });
});

describe('the collection level', () => {
  test("the user's collection-level scripts stay, as their own events after ours, in their order", () => {
    const theirs = [
      { listen: 'prerequest', script: { type: 'text/javascript', exec: ['console.log("mine first")'] } },
      { listen: 'test', script: { type: 'text/javascript', exec: 'pm.test("mine", () => {});' } },
      { listen: 'prerequest', disabled: true, script: { type: 'text/javascript', exec: ['console.log("disabled")'] } },
    ];
    const { collection, report } = wrapCollection(minimal([request('r', 'https://api.id.unico.app/processes/v1')], { event: theirs })) as { collection: Json; report: Json };
    expect(collection.event).toEqual([...authLayerEvents(), ...theirs]);
    expect(report.userCollectionScripts).toBe(3);
  });

  test('an older layer is replaced by the current one; the user scripts after it stay', () => {
    const wrapped = wrapCollection(standIn('by-client')).collection as Json;
    const user = { listen: 'test', script: { type: 'text/javascript', exec: ['console.log("mine")'] } };
    const older = { ...wrapped, event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: [AUTH_LAYER_MARKER, 'console.log("old layer")'] } }, user] };
    const { collection, report } = wrapCollection(older) as { collection: Json; report: Json };
    expect(collection.event).toEqual([...authLayerEvents(), user]);
    expect(report.scripts).toBe('updated');
    expect(report.unchanged).toBe(false);
  });

  test('a placeholder bearer or noauth is replaced by the layer', () => {
    for (const auth of [{ type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] }, { type: 'noauth' }]) {
      const { collection, report } = wrapCollection(minimal([request('r', 'https://api.id.unico.app/processes/v1')], { auth })) as { collection: Json; report: Json };
      expect(collection.auth).toEqual(authLayerAuth());
      expect(report.collectionAuth).toBe('replaced');
    }
  });

  test("a credential of the user's own at collection level stays with the requests to other origins that used it", () => {
    const basic = { type: 'basic', basic: [{ key: 'username', value: 'u', type: 'string' }] };
    const input = minimal([request('product', 'https://api.id.unico.app/processes/v1'), request('theirs', 'https://intranet.example/api'), request('own', 'https://intranet.example/x', { auth: { type: 'noauth' } })], { auth: basic });
    const { collection, report } = wrapCollection(input) as { collection: Json; report: Json };
    expect(collection.auth).toEqual(authLayerAuth());
    expect(collection.item[0].request.auth).toBeUndefined();
    expect(collection.item[1].request.auth).toEqual(basic);
    expect(collection.item[2].request.auth).toEqual({ type: 'noauth' });
    expect(report).toEqual(expect.objectContaining({ collectionAuth: 'moved', formerCollectionAuth: 'basic', formerAuthKeptBy: ['theirs'], wrapped: ['product'] }));
    expect(reportLines(report).join('\n')).toMatch(/collection auth: replaced basic by the auth layer\n.*other origins keeping the auth they inherited, now as their own: "theirs"/);
  });

  test('v2.0 auth objects become v2.1 lists; a v2.0 placeholder bearer is folded', () => {
    const input = {
      info: { name: 'old', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
      item: [
        request('bearer', 'https://api.id.uat.unico.app/processes/v1', { auth: { type: 'bearer', bearer: { token: '{{token}}' } } }),
        request('basic', 'https://intranet.example/x', { auth: { type: 'basic', basic: { username: 'u', password: 'p' } } }),
      ],
    };
    const { collection, report } = wrapCollection(input) as { collection: Json; report: Json };
    expect(collection.item[0].request.auth).toBeUndefined();
    expect(collection.item[1].request.auth.type).toBe('basic');
    expect(collection.item[1].request.auth.basic).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'username', value: 'u' }), expect.objectContaining({ key: 'password', value: 'p' })]));
    expect(report.format).toBe('v2.0.0');
    expect(schemaErrors(collection)).toEqual([]);
  });
});

describe('a generated collection, wrapped', () => {
  const generated = buildCollection() as Json;
  const { collection, report } = wrapCollection(JSON.parse(JSON.stringify(generated))) as { collection: Json; report: Json };

  test('its suite requests and scripts stay exactly as generated', () => {
    expect(collection.item).toEqual(generated.item);
    expect(collection.event).toEqual(generated.event);
    expect(collection.auth).toEqual(authLayerAuth());
    const all = requests(generated).length;
    expect(report.suiteCases.length + report.tokenExchange.length).toBe(all);
    expect(report.tokenExchange).toEqual([`Token / ${TOKEN_EXCHANGE_CASE.name}`]);
    expect(report.scripts).toBe('current');
  });
});

describe("Unico's hosts → the environment's variables", () => {
  test('every built-in environment host is in the table, to the variable of its URL', () => {
    const variableOf = { identityUrl: ENV_VARIABLES.identityUrl, unicoApiUrl: ENV_VARIABLES.unicoApiUrl, clientApiUrl: ENV_VARIABLES.clientApiUrl } as const;
    for (const env of Object.values(BUILT_IN_ENVIRONMENTS)) {
      for (const [field, variable] of Object.entries(variableOf)) expect(HOST_VARIABLES[new URL(env[field as keyof typeof variableOf]).host]).toBe(variable);
    }
    expect(HOST_VARIABLES['signhom.acesso.io']).toBe('sign_api_url');
    expect(HOST_VARIABLES['api.cadastro.uat.unico.app']).toBe('unico_api_url');
  });

  test.each([
    ['https://api.id.uat.unico.app/processes/v1?x=1#f', '{{client_api_url}}/processes/v1?x=1#f'],
    ['http://API.ID.UNICO.APP', '{{client_api_url}}'],
    ['api.id.unico.app/processes/v1/', '{{client_api_url}}/processes/v1/'],
    ['https://identity.acesso.io:443/oauth2/token', '{{identity_url}}/oauth2/token'],
    ['https://sign.acesso.io/api/v1/service/file/1', '{{sign_api_url}}/api/v1/service/file/1'],
    ['https://api.id.unico.app:8443/processes/v1', undefined],
    ['https://api.id.unico.app.evil.example/processes/v1', undefined],
    ['https://api.id.unico.app@evil.example/processes/v1', undefined],
    ['{{client_api_url}}/processes/v1', undefined],
  ])('%s', (raw, expected) => {
    expect(mapUrlText(raw)?.text).toBe(expected);
  });
});

describe('bad input: typed errors naming the source', () => {
  test.each([
    ['not an object', [1, 2], WrapNotCollectionError, /in\.json: not a Postman collection/],
    ['no info/item', { name: 'x' }, WrapNotCollectionError, /no "info" object and "item" list/],
    ['an environment file', { id: 'e', name: 'env', values: [], _postman_variable_scope: 'environment' }, WrapNotCollectionError, /environment or globals file/],
    ['Collection v1', { id: 'c', name: 'old', order: [], folders: [], requests: [{ id: 'r', url: 'https://x' }] }, WrapCollectionV1Error, /Collection v1 format .* export it as Collection v2\.1/],
    ['v1 schema', { info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v1.0.0/collection.json' }, item: [] }, WrapCollectionV1Error, /Collection v1/],
    ['an unknown schema', { info: { name: 'x', schema: 'https://example.com/v9' }, item: [] }, WrapUnsupportedSchemaError, /info\.schema/],
    ['no requests', { info: { name: 'x', schema: V21 }, item: [{ name: 'empty folder', item: [] }] }, WrapNoRequestsError, /no requests/],
  ])('%s', (_label, json, ErrorClass, message) => {
    let error: unknown;
    try {
      wrapCollection(json, { source: 'in.json' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/^in\.json: /);
    expect((error as { code: string }).code).toBe((ErrorClass as unknown as { code: string }).code);
    expect((error as { exitCode: number }).exitCode).toBe(2);
  });
});
