/**
 * The v3 conversion as a library (src/formats/v3): the generated collection survives v2.1 → v3 → v2.1 unchanged,
 * a collection using every mapped feature keeps each one (and says what it leaves out), output is byte-identical
 * run to run, names become safe stems, and each kind of bad input is one line naming the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { buildCollection } from '../../../src/collection';
import {
  collectionToV3, readEnvironmentFile, readV3Collection, V3File, V3NotCollectionError, V3RequestInResourcesError, V3ScriptTypeError, V3ShapeError,
  V3YamlError, environmentYamlText,
} from '../../../src/formats/v3';
import { safeStem, uniqueStems } from '../../../src/formats/v3/names';
import { EXIT } from '../../../src/errors';

const RICH = JSON.parse(fs.readFileSync(path.join(__dirname, 'rich.postman_collection.json'), 'utf8'));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-v3-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The files of a conversion on disk under `dir`; the collection directory's path. */
function onDisk(files: readonly V3File[], root = path.join(dir, 'c')): string {
  for (const f of files) {
    const full = path.join(root, ...f.path.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, f.text);
  }
  return root;
}

function fileOf(files: readonly V3File[], suffix: string): Record<string, unknown> {
  const file = files.find((f) => f.path.endsWith(suffix));
  if (!file) throw new Error(`no ${suffix} among ${files.map((f) => f.path).join(', ')}`);
  return parse(file.text);
}

test('the generated collection: v2.1 → v3 → v2.1 gives the same collection (the description as plain text)', () => {
  const collection = buildCollection() as { info: { description: { content: string } } };
  const v3 = collectionToV3(collection as never);
  expect(v3.leftOut).toEqual([]);
  expect(v3.dirName).toBe('Unico IDCloud authentication');
  const expected = structuredClone(collection) as { info: { description: unknown } };
  expected.info.description = collection.info.description.content;
  const back = readV3Collection(onDisk(v3.files, path.join(dir, v3.dirName)));
  expect(back.leftOut).toEqual([]);
  expect(back.collection).toEqual(expected);
});

test('the generated collection in v3: layout, script types per place, orders, quoting', () => {
  const { files } = collectionToV3(buildCollection() as never);
  const paths = files.map((f) => f.path);
  expect(paths.slice(0, 2)).toEqual(['.resources/definition.yaml', 'Token/.resources/definition.yaml']);
  expect(paths.filter((p) => p.endsWith('.request.yaml'))).toHaveLength(62);
  expect(paths.every((p) => !/[\\:*?"<>|]/.test(p))).toBe(true);
  const root = fileOf(files, '.resources/definition.yaml');
  expect(root).toMatchObject({ $kind: 'collection', auth: { type: 'bearer', credentials: { token: '{{idcloud_access_token}}' } } });
  expect((root.scripts as { type: string; language: string }[]).map((s) => [s.type, s.language])).toEqual([
    ['http:beforeRequest', 'text/javascript'],
    ['http:afterResponse', 'text/javascript'],
  ]);
  // The generated folders carry no script (the collection's two scripts are its only ones).
  expect(fileOf(files, 'Token errors/.resources/definition.yaml')).toMatchObject({ auth: { type: 'noauth' }, order: 2000 });
  expect(fileOf(files, 'Token errors/.resources/definition.yaml').scripts).toBeUndefined();
  const request = files.find((f) => f.path === 'API/By Unico- CreateProcess with a valid token.request.yaml');
  expect(request?.text).toMatch(/^name: "By Unico: CreateProcess with a valid token"$/m);
  expect(request?.text).toMatch(/^url: "\{\{unico_api_url\}\}\/client\/v1\/process"$/m);
  expect(request?.text).toMatch(/^order: 1000$/m);
  // Every script block is a literal block, never a folded or escaped string.
  expect(files[0].text).toMatch(/^ {4}code: \|-$/m);
});

test('deterministic: two conversions give the same bytes', () => {
  const a = collectionToV3(buildCollection() as never).files;
  const b = collectionToV3(buildCollection() as never).files;
  expect(b).toEqual(a);
});

test('a collection using every mapped feature keeps each one, and says what v3 leaves out', () => {
  const v3 = collectionToV3(RICH);
  expect(v3.dirName).toBe('Rich- sample');
  expect(v3.leftOut).toEqual([
    'left out: saved examples (responses): "Folder A/Get: one/two?"',
    'left out: GraphQL requests: "gql"',
    'left out: request settings: "Folder A/Get: one/two? (disableBodyPruning)"',
    'left out: collection and folder settings (protocolProfileBehavior): "(collection)"',
    'left out: the collection version (info.version): "Rich: sample"',
  ]);
  const get = fileOf(v3.files, 'Folder A/Get- one-two-.request.yaml');
  expect(get).toMatchObject({
    name: 'Get: one/two?',
    url: '{{base}}/items/:id?q=1&flag&off=2',
    queryParams: [{ key: 'q', value: '1' }, { key: 'flag', value: null }, { key: 'off', value: '2', disabled: true, description: 'dq' }],
    pathVariables: [{ key: 'id', value: '7', description: 'the id' }],
    headers: [{ key: 'Accept', value: 'application/json' }, { key: 'X-Off', value: '1', disabled: true, description: 'off hdr' }],
    scripts: [{ type: 'afterResponse' }],
    settings: { followRedirects: false, strictSSL: false },
  });
  const { collection, leftOut } = readV3Collection(onDisk(v3.files));
  expect(leftOut).toEqual([]);
  const c = collection as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(c.info).toEqual({ _postman_id: RICH.info._postman_id, name: 'Rich: sample', description: 'Collection desc\nline 2', schema: expect.stringContaining('v2.1.0') });
  expect(c.auth).toEqual({ type: 'basic', basic: [{ key: 'username', value: 'u', type: 'string' }, { key: 'password', value: '{{pw}}', type: 'string' }] });
  expect(c.variable).toEqual([{ key: 'base', value: 'http://127.0.0.1:1' }, { key: 'n', value: '123', description: 'a number' }, { key: 'off', value: 'true', disabled: true }]);
  expect(c.event.map((e: any) => [e.listen, e.script.exec])).toEqual([['prerequest', ["console.log('c pre');"]], ['test', ["pm.test('c', () => {});", '// two']]]);
  expect(c.item.map((i: any) => i.name)).toEqual(['Folder A', 'raw xml', 'raw text', 'json', 'file body', 'oauth2', 'url string']);
  const [folder] = c.item;
  expect(folder.auth.type).toBe('apikey');
  expect(folder.event[0].listen).toBe('prerequest');
  const request = folder.item[0];
  expect(request.request.url).toMatchObject({ raw: '{{base}}/items/:id?q=1&flag&off=2', host: ['{{base}}'], path: ['items', ':id'], query: get.queryParams, variable: get.pathVariables });
  expect(request.protocolProfileBehavior).toEqual({ followRedirects: false, strictSSL: false });
  expect(folder.item[1].request.body).toEqual({ mode: 'formdata', formdata: [{ key: 'a', value: '1', type: 'text' }, { key: 'f', src: '/tmp/x.txt', type: 'file' }, { key: 'c', value: '{}', type: 'text', contentType: 'application/json', disabled: true }] });
  expect(folder.item[2].request.body).toEqual({ mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1' }, { key: 'b', value: '2', disabled: true }] });
  const byName = Object.fromEntries(c.item.map((i: any) => [i.name, i.request]));
  expect(byName['raw xml'].body).toEqual({ mode: 'raw', raw: '<a>1</a>', options: { raw: { language: 'xml' } } });
  expect(byName['raw xml'].auth).toEqual({ type: 'noauth' });
  expect(byName['raw text'].body).toEqual({ mode: 'raw', raw: 'plain\ntext', options: { raw: { language: 'text' } } });
  expect(byName.json.body.raw).toBe('{\n  "a": 1\n}');
  expect(byName['file body'].body).toEqual({ mode: 'file', file: { src: '/tmp/x.bin' } });
  expect(byName.oauth2.auth.oauth2).toContainEqual({ key: 'useBrowser', value: false, type: 'boolean' });
});

test('names: forbidden characters become -, duplicates ignoring case get a number, the stem fits a file name', () => {
  expect(safeStem('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
  expect(safeStem('.resources')).toBe('-resources');
  expect(safeStem('trailing. ')).toBe('trailing');
  expect(Buffer.byteLength(safeStem('é'.repeat(300)))).toBeLessThanOrEqual(200);
  expect(uniqueStems(['alg none', 'alg None', 'alg NONE', 'x'])).toEqual(['alg none', 'alg None 2', 'alg NONE 3', 'x']);
});

describe('bad input: exit 2, one line naming the file', () => {
  function write(rel: string, text: string): string {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    return full;
  }
  const DEFINITION = '$kind: collection\nname: C\n';

  function expectError(fn: () => unknown, Class: new (message: string) => Error, pattern: RegExp): void {
    let error: unknown;
    try {
      fn();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Class);
    expect((error as { exitCode: number }).exitCode).toBe(EXIT.BAD_INPUT);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).not.toContain('\n');
  }

  test('a directory that is not a v3 collection (and a postman/ folder, with the hint)', () => {
    write('empty/readme.txt', 'hi');
    expectError(() => readV3Collection(path.join(dir, 'empty')), V3NotCollectionError, /empty: not a Postman Collection format v3 directory/);
    write('repo/postman/collections/C/.resources/definition.yaml', DEFINITION);
    expectError(() => readV3Collection(path.join(dir, 'repo', 'postman')), V3NotCollectionError, /give one collection directory under .*postman\/collections\//);
    expectError(() => readV3Collection(path.join(dir, 'repo', 'postman', 'collections')), V3NotCollectionError, /holds the collection "C": give one of them/);
  });

  test('a YAML error names the file and line', () => {
    write('c/.resources/definition.yaml', DEFINITION);
    const file = write('c/r.request.yaml', '$kind: http-request\nmethod: GET\nurl: {{base}}/x\n');
    expectError(() => readV3Collection(path.join(dir, 'c')), V3YamlError, new RegExp(`^${file.replace(/[.]/g, '\\.')}:3: not valid YAML`));
  });

  test('a $kind we do not know', () => {
    write('c/.resources/definition.yaml', DEFINITION);
    const file = write('c/r.request.yaml', '$kind: http-reqest\nurl: x\n');
    expectError(() => readV3Collection(path.join(dir, 'c')), V3ShapeError, new RegExp(`^${file.replace(/[.]/g, '\\.')}: \\$kind "http-reqest" is not a request kind`));
  });

  test('a request file inside .resources/', () => {
    write('c/.resources/definition.yaml', DEFINITION);
    const file = write('c/.resources/r.request.yaml', '$kind: http-request\nurl: x\n');
    expectError(() => readV3Collection(path.join(dir, 'c')), V3RequestInResourcesError, new RegExp(`^${file.replace(/[.]/g, '\\.')}: a request file inside \\.resources/`));
  });

  test('a prefixed script type in a request file, an unprefixed one in a definition, a wrong language', () => {
    write('c/.resources/definition.yaml', DEFINITION);
    const request = write('c/r.request.yaml', '$kind: http-request\nurl: x\nscripts:\n  - type: http:afterResponse\n    code: x\n');
    expectError(() => readV3Collection(path.join(dir, 'c')), V3ScriptTypeError, /r\.request\.yaml: scripts\[0\]\.type http:afterResponse: a request file takes script types without a prefix \(afterResponse\)/);
    fs.rmSync(request);
    write('c/.resources/definition.yaml', `${DEFINITION}scripts:\n  - type: beforeRequest\n    code: x\n`);
    expectError(() => readV3Collection(path.join(dir, 'c')), V3ScriptTypeError, /definition\.yaml: scripts\[0\]\.type beforeRequest: a definition takes script types with the protocol prefix \(http:beforeRequest\)/);
    write('c/.resources/definition.yaml', `${DEFINITION}scripts:\n  - type: http:beforeRequest\n    code: x\n    language: javascript\n`);
    expectError(() => readV3Collection(path.join(dir, 'c')), V3ShapeError, /definition\.yaml: scripts\[0\]\.language "javascript"; the Postman CLI accepts only text\/javascript/);
  });

  test('non-HTTP requests and saved examples are read past, and said', () => {
    write('c/.resources/definition.yaml', DEFINITION);
    write('c/g.request.yaml', '$kind: graphql-request\nurl: x\n');
    write('c/w.request.yaml', '$kind: websocket-request\nurl: x\n');
    write('c/.resources/h.resources/examples/ok.example.yaml', '$kind: http-example\n');
    write('c/h.request.yaml', '$kind: http-request\nurl: "{{u}}"\n');
    const { collection, leftOut } = readV3Collection(path.join(dir, 'c'));
    expect((collection.item as { name: string }[]).map((i) => i.name)).toEqual(['h']);
    expect(leftOut).toEqual([
      `left out: saved examples (responses): "${path.join('.resources', 'h.resources', 'examples', 'ok.example.yaml')}"`,
      'left out: GraphQL requests: "g"',
      'left out: non-HTTP requests: "w"',
    ]);
  });
});

test('environment files in either format read as the same environment', () => {
  const json = { id: 'x', name: 'idcloud-local', values: [{ key: 'identity_url', value: 'http://127.0.0.1:1', type: 'default', enabled: true }, { key: 'private_key', value: '', type: 'secret', enabled: true }], _postman_variable_scope: 'environment' };
  const jsonFile = path.join(dir, 'idcloud-local.postman_environment.json');
  const yamlFile = path.join(dir, 'idcloud-local.environment.yaml');
  fs.writeFileSync(jsonFile, JSON.stringify(json));
  fs.writeFileSync(yamlFile, environmentYamlText(json));
  const { id: _id, ...withoutId } = json;
  expect(readEnvironmentFile(yamlFile)).toEqual(withoutId);
  expect(readEnvironmentFile(jsonFile)).toEqual(json);
  fs.writeFileSync(yamlFile, 'name: x\nvalues:\n  - key: a\n    value: {{b}}/c\n');
  expect(() => readEnvironmentFile(yamlFile)).toThrow(new RegExp(`^--environment: ${yamlFile.replace(/[.]/g, '\\.')}:4: not valid YAML`));
  // `{{b}}` alone is valid YAML, a mapping: refused, not sent as "[object Object]".
  fs.writeFileSync(yamlFile, 'name: x\nvalues:\n  - key: a\n    value: {{b}}\n');
  expect(() => readEnvironmentFile(yamlFile)).toThrow(/values\[0\]\.value is a YAML mapping or list, not text; quote values holding/);
});
