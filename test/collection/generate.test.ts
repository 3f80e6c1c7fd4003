/**
 * The generated collection: valid Collection v2.1.0 (the official JSON Schema), deterministic, each script where
 * it is needed (the auth layer at collection level, the negative cases on the Token errors folder), no secrets, folders and requests as the contract says; environment files and atomic writes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { AUTH_LAYER_MARKER, authLayerAuth, isAuthLayerScript, NON_LEGACY_DIRECTIVE } from '../../src/collection/auth-layer';
import { COLLECTION_FILE_NAME, FOLDERS, generateCollection, writeGeneratedFiles } from '../../src/collection';
import { makeEnvironment, resolveEnvironments } from '../../src/environments';
import { EXPIRES_IN_RULE, expiresInProblem } from '../../src/idcloud/token-response';
import { sandboxScript } from '../../src/collection/script-text';
import { API_CASES } from '../../src/suites/api';
import { NEGATIVE_CASES } from '../../src/suites/cases';
import { CASE_HEADER, INJECTED_VARIABLES, TOKEN_EXCHANGE_CASE } from '../../src/suites/variables';
import { testKeyPair, TEST_ISS } from '../helpers/keys';

const SCHEMA_FILE = path.resolve(__dirname, '..', 'fixtures', 'postman-collection-v2.1.0.schema.json');
const keys = testKeyPair();
const environments = [...resolveEnvironments(['uat', 'production']), makeEnvironment('local', { identityUrl: 'http://127.0.0.1:8780/' })];

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

function generated(embed = false) {
  return generateCollection({ environments, iss: TEST_ISS, privateKeyPem: keys.pkcs8Pem, apiKey: 'APIKEY-SECRET', embedKey: embed, maxInvalidAttempts: 7 });
}

function requestsOf(folder: Json): Json[] {
  return folder.item;
}

describe('collection', () => {
  const collection: Json = generated().collection;

  test('validates against the official Collection v2.1.0 JSON Schema', () => {
    const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const valid = validate(collection);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(collection.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
  });

  test('the schema check can fail: a broken collection is rejected', () => {
    const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate({ ...collection, item: 'not a list' })).toBe(false);
  });

  test('is deterministic: same input, same JSON', () => {
    expect(JSON.stringify(generated().collection)).toBe(JSON.stringify(collection));
  });

  test('folders Token, Token errors, API in this order; one request per case', () => {
    expect(collection.item.map((f: Json) => f.name)).toEqual([FOLDERS.token, FOLDERS.tokenErrors, FOLDERS.api]);
    expect(['Token', 'Token errors', 'API']).toEqual(Object.values(FOLDERS));
    const caseIds = (folder: Json) => requestsOf(folder).map((r: Json) => r.request.header.find((h: Json) => h.key === CASE_HEADER).value);
    expect(caseIds(collection.item[0])).toEqual([TOKEN_EXCHANGE_CASE.id]);
    expect(caseIds(collection.item[1])).toEqual(NEGATIVE_CASES.map((c) => c.id));
    expect(caseIds(collection.item[2])).toEqual(API_CASES.map((c) => c.id));
  });

  test('the layer\'s two scripts at collection level are the only scripts (one copy of the signer): folders and requests carry none; no eval', () => {
    const lines = (entry: string) => [NON_LEGACY_DIRECTIVE, AUTH_LAYER_MARKER, sandboxScript(entry).replace(/\n+$/, '')].join('\n');
    expect(collection.event.map((e: Json) => e.listen)).toEqual(['prerequest', 'test']);
    expect(collection.event[0].script.exec.join('\n')).toBe(lines('prerequest'));
    expect(collection.event[1].script.exec.join('\n')).toBe(lines('tests'));
    for (const folder of collection.item) {
      expect(folder.event).toBeUndefined();
      for (const request of folder.item) expect(request.event).toBeUndefined();
    }
    // Every script of ours is recognised as ours (wrap refreshes the layer and never mistakes ours for a signer).
    for (const e of collection.event) expect(isAuthLayerScript(e.script.exec)).toBe(true);
    // Postman's non-legacy switch is read from a script's first 15 characters.
    for (const e of collection.event) expect(e.script.exec.join('\n').slice(0, 15)).toBe('"use sandbox2";');
    const text = JSON.stringify(collection);
    expect(text).not.toMatch(/\beval\s*\(/);
    expect(text).not.toMatch(/\bnew Function\b/);
    // postman-sandbox 4.7.1 (newman 6.2.2) has none of these; globalThis even throws a ReferenceError there.
    for (const missing of ['globalThis', 'TextEncoder', 'crypto', 'require(', 'Buffer']) expect(text.includes(missing)).toBe(false);
  });

  test('one copy of each piece of code: the signer and the negative cases once, in the pre-request script; none in the test script', () => {
    const [prerequest, tests] = ['prerequest', 'tests'].map((entry) => sandboxScript(entry));
    const text = JSON.stringify(collection);
    // The case table, RS512's DigestInfo (SHA-512), PS256, the SPKI PEM (HS256 confusion) and RSA key generation.
    const negativeOnly = ['3051300d060960864801650304020305000440', 'PS256', 'PUBLIC KEY', 'RSA key size must be'];
    for (const marker of negativeOnly) {
      expect(prerequest).toContain(marker);
      expect(tests).not.toContain(marker);
    }
    // Each case id as a string literal, in whichever quotes the minifier wrote it (scripts/sandbox-bundle.js: single).
    for (const c of NEGATIVE_CASES) {
      const literal = new RegExp(`(['"])${c.id}\\1`);
      expect(prerequest).toMatch(literal);
      expect(tests).not.toMatch(literal);
    }
    // RS256's DigestInfo (SHA-256): the signer, once in the whole collection.
    const SHA256_DIGEST_INFO = '3031300d060960864801650304020105000420';
    expect(text.split(SHA256_DIGEST_INFO)).toHaveLength(2);
    expect(prerequest.split(SHA256_DIGEST_INFO)).toHaveLength(2);
  });

  test('the token request: form grant_type + assertion at identity_url/oauth2/token', () => {
    const request = collection.item[0].item[0].request;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('{{identity_url}}/oauth2/token');
    expect(request.body).toEqual({
      mode: 'urlencoded',
      urlencoded: [
        { key: 'grant_type', value: 'urn:ietf:params:oauth:grant-type:jwt-bearer' },
        { key: 'assertion', value: '{{idcloud_assertion}}' },
      ],
    });
  });

  test('the auth layer: collection-level bearer on idcloud_access_token; the token endpoint folders are noauth', () => {
    expect(collection.auth).toEqual(authLayerAuth());
    expect(collection.auth).toEqual({ type: 'bearer', bearer: [{ key: 'token', value: '{{idcloud_access_token}}', type: 'string' }] });
    expect(collection.item.map((f: Json) => f.auth)).toEqual([{ type: 'noauth' }, { type: 'noauth' }, undefined]);
  });

  test('API requests: valid tokens inherit the layer, no-token cases are noauth, garbage-token ones their own bearer', () => {
    const requestOf = (id: string) => requestsOf(collection.item[2]).find((x: Json) => x.request.header.some((h: Json) => h.value === id)).request;
    const headers = (id: string) => Object.fromEntries(requestOf(id).header.map((h: Json) => [h.key, h.value]));
    for (const c of API_CASES) {
      const request = requestOf(c.id);
      // No Authorization header anywhere: the auth (inherited or own) decides what is sent.
      expect(headers(c.id).Authorization).toBeUndefined();
      if (c.auth === 'valid') expect(request.auth).toBeUndefined();
      if (c.auth === 'none') expect(request.auth).toEqual({ type: 'noauth' });
      if (c.auth === 'garbage') expect(request.auth).toEqual({ type: 'bearer', bearer: [{ key: 'token', value: 'not-a-valid-token', type: 'string' }] });
      // APIKEY is carried only by by-Client requests with auth of their own (the layer adds it to the others).
      expect(headers(c.id).APIKEY).toBe(c.product === 'client' && c.auth !== 'valid' ? '{{api_key}}' : undefined);
    }
  });

  test('every endpoint of idcloud-auth.md §5 has a valid, a no-token and a garbage-token case; by Client also no-APIKEY', () => {
    const endpoints = [...new Set(API_CASES.filter((c) => !c.loopbackOnly).map((c) => c.endpoint))];
    expect(endpoints).toEqual(['CreateProcess', 'GetProcess', 'GetSelfie', 'GetEvidenceSet', 'GetDocumentSigned', 'GetEvidenceSign', 'CreateClientProcess', 'GetClientProcess', 'GetDocuments']);
    for (const endpoint of endpoints) {
      const actions = API_CASES.filter((c) => c.endpoint === endpoint).map((c) => c.action);
      const client = API_CASES.find((c) => c.endpoint === endpoint)!.product === 'client';
      expect(actions).toEqual(['valid', 'no-token', 'garbage-token', ...(client ? ['no-apikey'] : [])]);
    }
  });

  test('each read asks for the id its create kept (a run variable), not a fixed id', () => {
    const urlOf = (id: string) => requestsOf(collection.item[2]).find((x: Json) => x.request.header.some((h: Json) => h.value === id)).request.url;
    expect(urlOf('api-GetProcess-valid')).toBe('{{unico_api_url}}/client/v1/process/{{idcloud_process_unico}}');
    expect(urlOf('api-GetSelfie-valid')).toBe('{{unico_api_url}}/client/v1/process/{{idcloud_process_unico}}/selfie');
    expect(urlOf('api-GetClientProcess-valid')).toBe('{{client_api_url}}/processes/v1/{{idcloud_process_client}}');
    expect(urlOf('api-GetDocumentSigned-valid')).toBe('{{sign_api_url}}/api/v1/service/file/{{idcloud_sign_document}}');
  });

  test('no request body in the file can create a process: creates send the pre-request\'s body variable or {}', () => {
    for (const r of requestsOf(collection.item[2])) {
      if (r.request.body) expect(['{}', '{{idcloud_body}}']).toContain(r.request.body.raw);
    }
  });

  test('no ids but info._postman_id: the generator computes none to have them deleted', () => {
    const text = JSON.stringify(collection);
    expect(text.match(/"id":/g)).toBeNull();
    expect(collection.info._postman_id).toMatch(/^[0-9a-f]{8}-/);
  });

  test('the injected other key is a runtime variable only: no environment file defines it', () => {
    for (const env of generated(true).environments) {
      const keysOf = (env.json as { values: { key: string }[] }).values.map((v) => v.key);
      expect(keysOf).not.toContain(INJECTED_VARIABLES.otherPrivateKey);
    }
    expect(collection.variable).toBeUndefined();
  });

  test('holds no secret and no environment value, even with --embed-key', () => {
    const text = JSON.stringify(generated(true).collection);
    const keyBody = keys.pkcs8Pem.split('\n')[1];
    // Booleans, so a failure does not print the whole collection.
    expect(text.includes(keyBody)).toBe(false);
    expect(text.includes('APIKEY-SECRET')).toBe(false);
    expect(text.includes(TEST_ISS)).toBe(false);
    expect(text.includes('127.0.0.1:8780')).toBe(false);
    expect(collection.variable).toBeUndefined();
  });

  test("the Token folder describes expires_in in the rule's own words (idcloud/token-response.ts), not a range the rule does not check", () => {
    const token = collection.item.find((f: Json) => f.name === 'Token');
    const text = typeof token.description === 'string' ? token.description : token.description.content;
    expect(text).toContain(`\`expires_in\` ${EXPIRES_IN_RULE}`);
    expect(text).not.toMatch(/3600\]/);
    // The rule as words and as code agree: any positive whole number passes, long ones included.
    for (const ok of [1, 3600, 7200, 90000]) expect(expiresInProblem(ok)).toBeUndefined();
    for (const bad of [0, -1, 1.5, '3600']) expect(expiresInProblem(bad)).toContain(EXPIRES_IN_RULE);
  });

  test('the description explains the variables and the plain-Newman command', () => {
    const description = collection.info.description.content;
    for (const word of ['private_key', 'iss', 'api_key', 'max_invalid_attempts', 'expires_in', 'varied so that no two are identical']) expect(description).toContain(word);
    expect(description).toContain('newman run idcloud.postman_collection.json -e idcloud-uat.postman_environment.json --env-var "private_key=$(cat svc.key.pem)"');
  });
});

describe('environment files', () => {
  const values = (env: Json) => Object.fromEntries(env.json.values.map((v: Json) => [v.key, v]));

  test('one per environment, same keys, Postman environment format, secrets typed secret and empty', () => {
    const files = generated().environments;
    expect(files.map((f) => f.fileName)).toEqual(['idcloud-uat.postman_environment.json', 'idcloud-production.postman_environment.json', 'idcloud-local.postman_environment.json']);
    const keysOf = (f: Json) => f.json.values.map((v: Json) => v.key);
    for (const f of files) {
      expect(keysOf(f)).toEqual(['identity_url', 'unico_api_url', 'client_api_url', 'sign_api_url', 'iss', 'audience', 'private_key', 'api_key', 'max_invalid_attempts']);
      expect((f.json as Json)._postman_variable_scope).toBe('environment');
      const v = values(f);
      expect(v.private_key).toEqual({ key: 'private_key', value: '', type: 'secret', enabled: true });
      expect(v.api_key).toEqual({ key: 'api_key', value: '', type: 'secret', enabled: true });
      expect(v.iss.value).toBe(TEST_ISS);
      expect(v.max_invalid_attempts.value).toBe('7');
    }
    const [uat, production, local] = files.map(values);
    expect(uat.identity_url.value).toBe('https://identityhomolog.acesso.io');
    expect(uat.client_api_url.value).toBe('https://api.id.uat.unico.app');
    expect(production.unico_api_url.value).toBe('https://api.idcloud.unico.app');
    expect(local.identity_url.value).toBe('http://127.0.0.1:8780');
    expect(local.client_api_url.value).toBe('http://127.0.0.1:8780');
    expect([uat.sign_api_url.value, production.sign_api_url.value, local.sign_api_url.value]).toEqual(['https://signhom.acesso.io', 'https://sign.acesso.io', 'http://127.0.0.1:8780']);
  });

  test('--embed-key writes the key and APIKEY, still typed secret', () => {
    const v = values(generated(true).environments[0]);
    expect(v.private_key).toMatchObject({ value: keys.pkcs8Pem, type: 'secret' });
    expect(v.api_key).toMatchObject({ value: 'APIKEY-SECRET', type: 'secret' });
  });
});

describe('writeGeneratedFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-gen-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the collection file: tab-indented down to the requests and scripts, each on one line', () => {
    const written = writeGeneratedFiles(dir, generated());
    const lines = fs.readFileSync(written.collectionFile, 'utf8').split('\n');
    const requestLines = lines.filter((line) => line.startsWith('\t\t\t\t{"name":'));
    expect(requestLines).toHaveLength(1 + NEGATIVE_CASES.length + API_CASES.length);
    for (const line of requestLines) expect(() => JSON.parse(line.trim().replace(/,$/, ''))).not.toThrow();
    // Besides one line per request, only the few lines of the structure.
    expect(lines.length - requestLines.length).toBeLessThan(80);
  });

  test('writes the collection and environment files, no temp files left, JSON that parses back', () => {
    const files = generated();
    const out = path.join(dir, 'nested', 'out');
    const written = writeGeneratedFiles(out, files);
    expect(written.collectionFile).toBe(path.join(out, COLLECTION_FILE_NAME));
    expect(fs.readdirSync(out).sort()).toEqual([COLLECTION_FILE_NAME, ...files.environments.map((e) => e.fileName)].sort());
    expect(JSON.parse(fs.readFileSync(written.collectionFile, 'utf8'))).toEqual(files.collection);
    expect(JSON.parse(fs.readFileSync(written.environmentFiles[0], 'utf8'))).toEqual(files.environments[0].json);
    expect(fs.statSync(written.environmentFiles[0]).mode & 0o077).toBe(0);
  });

  test('an unwritable target fails with a one-line input error and leaves the old file whole', () => {
    const files = generated();
    writeGeneratedFiles(dir, files);
    const before = fs.readFileSync(path.join(dir, COLLECTION_FILE_NAME), 'utf8');
    // A directory where an environment file should go makes its rename fail after the collection was replaced.
    fs.rmSync(path.join(dir, files.environments[0].fileName));
    fs.mkdirSync(path.join(dir, files.environments[0].fileName, 'x'), { recursive: true });
    expect(() => writeGeneratedFiles(dir, files)).toThrow(expect.objectContaining({ code: 'ERR_OUTPUT_DIRECTORY', exitCode: 2 }));
    expect(fs.readFileSync(path.join(dir, COLLECTION_FILE_NAME), 'utf8')).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('--out that is a file is a one-line input error', () => {
    const file = path.join(dir, 'file');
    fs.writeFileSync(file, 'x');
    expect(() => writeGeneratedFiles(file, generated())).toThrow(/^--out: cannot create .* give a writable directory$/);
  });
});
