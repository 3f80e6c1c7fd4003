/**
 * SAFETY of the `API` folder (issue 10): against an environment that is not on loopback it must never create a
 * real process (billable; may notify a real person). The collection is generated for `stage=http://stage.example.invalid`
 * and run with Newman through an HTTP proxy on 127.0.0.1 (HTTP_PROXY, honoured by Newman's requester) that stands
 * in for that host and records every request: nothing leaves the machine, yet the scripts see a non-loopback
 * URL, exactly as against Unico. No create body that could create a process may arrive; the emulator's control
 * path is never called. Then the same rule on the script's pure functions, including mixed environments.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FOLDERS, generateCollection } from '../../src/collection';
import { makeEnvironment } from '../../src/environments';
import { isEmulatorRequest } from '../../src/sandbox/script/prerequest';
import { EMULATOR_HEADER, EMULATOR_HEADER_VALUE } from '../../src/idcloud/emulator-signal';
import { learnEmulator } from '../../src/sandbox/script/emulator';
import { fakeResponse } from '../sandbox/script/fake-pm';
import { API_CASES, ApiBody, ApiProduct, documentsCode, LOOPBACK_SUBJECT, requestBody } from '../../src/suites/api';
import { API_PATHS } from '../../src/idcloud/hosts';
import { TEST_ISS } from '../helpers/keys';
import { runNewman } from '../helpers/postman-runtimes';
import { realProcessEnv } from '../helpers/native/load';
import { fakeRun } from '../sandbox/script/fake-pm';
import { API_KEY, keys, onlyFolders } from './support';

interface Arrived {
  method: string;
  url: string;
  body: string;
  authorization?: string;
}

/** Stands in for stage.example.invalid: a token for any assertion, 401 without its Bearer (by Client: or APIKEY), 400 to a POST, 404 to a GET. */
async function startStandIn(): Promise<{ url: string; arrived: Arrived[]; close(): Promise<void> }> {
  const arrived: Arrived[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      arrived.push({ method: req.method ?? '', url: req.url ?? '', body, authorization: req.headers.authorization });
      const path = new URL(req.url ?? '/', 'http://stage.example.invalid').pathname;
      const send = (status: number, json: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (path === '/oauth2/token') return send(200, { access_token: 'stand-in-access-token', token_type: 'Bearer', expires_in: 3600 });
      if (req.headers.authorization !== 'Bearer stand-in-access-token') return send(401, { error: { code: '401', description: 'token' } });
      const byClient = path.startsWith(API_PATHS.clientProcess) || path.startsWith(API_PATHS.clientDocuments);
      if (byClient && req.headers.apikey !== API_KEY) return send(401, { error: { code: '401', description: 'APIKEY' } });
      send(req.method === 'POST' ? 400 : 404, { error: { code: '400', description: 'wrong parameters' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrived,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Anything in a body that a create needs: the body could create a process. */
const CREATE_FIELDS = /callbackUri|flow|purpose|person|duiValue|subject|imageBase64|result/;

test('generated for a non-loopback environment and run there: no create body that could create a process leaves, no control call', async () => {
  const standIn = await startStandIn();
  const env = makeEnvironment('stage', { identityUrl: 'http://stage.example.invalid' });
  expect(env.isLoopback).toBe(false);
  const files = generateCollection({ environments: [env], iss: TEST_ISS });
  const envValues: Record<string, string> = {};
  for (const v of (files.environments[0].json as { values: { key: string; value: string }[] }).values) envValues[v.key] = v.value;
  Object.assign(envValues, { private_key: keys.pkcs8Pem, api_key: API_KEY });
  // Newman (loaded once per worker, helpers/native/load.ts) reads the real process's environment.
  const processEnv = realProcessEnv();
  const saved = { HTTP_PROXY: processEnv.HTTP_PROXY, NO_PROXY: processEnv.NO_PROXY, http_proxy: processEnv.http_proxy, no_proxy: processEnv.no_proxy };
  Object.assign(processEnv, { HTTP_PROXY: standIn.url, http_proxy: standIn.url, NO_PROXY: '', no_proxy: '' });
  try {
    const result = await runNewman(onlyFolders(files.collection, [FOLDERS.token, FOLDERS.api]), { envValues });
    // Everything went to the stand-in, addressed to the non-loopback host (a forward proxy gets absolute URLs).
    expect(standIn.arrived.length).toBeGreaterThan(API_CASES.length - 2);
    for (const a of standIn.arrived) expect(a.url.startsWith('http://stage.example.invalid/')).toBe(true);
    const creates = standIn.arrived.filter((a) => a.method === 'POST' && [API_PATHS.unicoProcess, API_PATHS.clientProcess].some((p) => new URL(a.url).pathname === p));
    // Every create of the folder was sent (valid, no-token, garbage-token and no-APIKEY), each with `{}`.
    expect(creates).toHaveLength(API_CASES.filter((c) => c.endpoint === 'CreateProcess' || c.endpoint === 'CreateClientProcess').length);
    for (const c of creates) expect(c.body).toBe('{}');
    expect(standIn.arrived.some((a) => CREATE_FIELDS.test(a.body) && !a.url.endsWith('/oauth2/token'))).toBe(false);
    expect(standIn.arrived.some((a) => a.url.includes('/_emulator/'))).toBe(false);
    expect(result.consoleLogs).toContain("IDCloud: By Unico: finish the process (emulator only): not sent, the emulator's control path exists only on the emulator (recognised by its signal, on loopback)");
    // Reads asked for ids that exist nowhere; the documents query carried no CPF.
    expect(standIn.arrived.some((a) => a.url.includes(LOOPBACK_SUBJECT.cpf))).toBe(false);
    // The token was accepted everywhere it should be: 400/404 are "not rejected"; the rejections were 401.
    expect(result.failures).toEqual([]);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete processEnv[k];
      else processEnv[k] = v;
    }
    await standIn.close();
  }
});

describe('the emulator decision in the script (pure functions, the same bundled code)', () => {
  const products: ApiProduct[] = ['unico', 'client', 'sign'];
  const bodies: ApiBody[] = ['create', 'empty', 'finish'];
  test('off loopback every body is {} and the documents code empty; on loopback the creates are valid', () => {
    for (const product of products) for (const body of bodies) expect(requestBody(body, product, false)).toBe('{}');
    expect(documentsCode(false)).toBe('');
    expect(JSON.parse(requestBody('create', 'unico', true))).toMatchObject({ callbackUri: expect.any(String), flow: 'idcheck', purpose: 'creditprocess', person: { duiType: 'DUI_TYPE_BR_CPF' } });
    expect(JSON.parse(requestBody('create', 'client', true))).toMatchObject({ subject: { code: LOOPBACK_SUBJECT.cpf }, imageBase64: expect.any(String) });
  });
  const signal = { [EMULATOR_HEADER]: EMULATOR_HEADER_VALUE };
  test.each([
    ['both on loopback, the signal seen', 'http://127.0.0.1:8780', '{{unico_api_url}}/client/v1/process', 'http://127.0.0.1:8780', signal, true],
    ['localhost and ::1, the signal seen', 'http://localhost:8780', 'http://[::1]:9000/client/v1/process', '', signal, true],
    ['both on loopback, no signal (a tunnel, a gateway, a mock)', 'http://127.0.0.1:8780', '{{unico_api_url}}/client/v1/process', 'http://127.0.0.1:8780', {}, false],
    ['both on loopback, another value', 'http://127.0.0.1:8780', '{{unico_api_url}}/client/v1/process', 'http://127.0.0.1:8780', { [EMULATOR_HEADER]: 'yes' }, false],
    ['identity remote (the signal never counts there), product local', 'https://identityhomolog.acesso.io', '{{unico_api_url}}/client/v1/process', 'http://127.0.0.1:8780', signal, false],
    ['identity local, product remote', 'http://127.0.0.1:8780', '{{unico_api_url}}/client/v1/process', 'https://api.idcloud.uat.unico.app', signal, false],
    ['a loopback-looking name that is not', 'http://127.0.0.1.example.com', 'http://127.0.0.1.example.com/client/v1/process', '', signal, false],
  ])('%s', (_name, identityUrl, url, unicoApiUrl, headers, emulator) => {
    const run = fakeRun({ environment: { identity_url: identityUrl, unico_api_url: unicoApiUrl }, url });
    expect(isEmulatorRequest(run.host)).toBe(false);
    learnEmulator(run.host, fakeResponse(401, {}, headers));
    expect(isEmulatorRequest(run.host)).toBe(emulator);
    // An answer without the signal takes it back.
    learnEmulator(run.host, fakeResponse(401, {}, {}));
    expect(isEmulatorRequest(run.host)).toBe(false);
  });
});
