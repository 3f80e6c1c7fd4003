/** Malformed requests: a 4xx JSON error each, never a 5xx, and the emulator keeps serving. */
import type { RunningEmulator } from '../../src/emulator';
import { JWT_BEARER_GRANT_TYPE } from '../../src/idcloud/hosts';
import { claims, exchange, FORM, postForm, request, signRs256, startTestEmulator } from './support';

let emulator: RunningEmulator;
let url: string;
beforeAll(async () => {
  emulator = await startTestEmulator();
  url = emulator.url;
});
afterAll(() => emulator.close());

const GRANT = JWT_BEARER_GRANT_TYPE;

test('JSON body with application/json → 415', async () => {
  const body = JSON.stringify({ grant_type: GRANT, assertion: signRs256(claims(url)) });
  const result = await request(`${url}/oauth2/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  expect(result.status).toBe(415);
  expect(result.json).toEqual({ error: 'invalid_request', error_description: `Content-Type must be ${FORM}` });
});

test('no Content-Type → 415', async () => {
  const body = new URLSearchParams({ grant_type: GRANT, assertion: signRs256(claims(url)) }).toString();
  const result = await request(`${url}/oauth2/token`, { method: 'POST', body });
  expect(result.status).toBe(415);
  expect(result.json.error).toBe('invalid_request');
});

test('text/plain → 415', async () => {
  const result = await postForm(url, { grant_type: GRANT, assertion: signRs256(claims(url)) }, 'text/plain');
  expect(result.status).toBe(415);
});

test('form Content-Type with a charset parameter is accepted', async () => {
  const result = await postForm(url, { grant_type: GRANT, assertion: signRs256(claims(url)) }, `${FORM}; charset=UTF-8`);
  expect(result.status).toBe(200);
});

test('grant_type missing → 400 invalid_request', async () => {
  const result = await postForm(url, { assertion: signRs256(claims(url)) });
  expect(result.status).toBe(400);
  expect(result.json).toEqual({ error: 'invalid_request', error_description: `grant_type is missing; send grant_type=${GRANT}` });
});

test('wrong grant_type → 400 unsupported_grant_type', async () => {
  const result = await postForm(url, { grant_type: 'client_credentials', assertion: signRs256(claims(url)) });
  expect(result.status).toBe(400);
  expect(result.json).toEqual({ error: 'unsupported_grant_type', error_description: `grant_type must be ${GRANT}` });
});

test('assertion missing → 400 invalid_request', async () => {
  const result = await postForm(url, { grant_type: GRANT });
  expect(result.status).toBe(400);
  expect(result.json).toEqual({ error: 'invalid_request', error_description: 'assertion is missing; send the signed JWT in the assertion field' });
});

test('assertion empty → 400 invalid_request', async () => {
  const result = await postForm(url, { grant_type: GRANT, assertion: '' });
  expect(result.status).toBe(400);
  expect(result.json.error).toBe('invalid_request');
});

test('assertion given twice → 400 invalid_request', async () => {
  const a = signRs256(claims(url));
  const body = `grant_type=${encodeURIComponent(GRANT)}&assertion=${a}&assertion=${a}`;
  const result = await request(`${url}/oauth2/token`, { method: 'POST', headers: { 'Content-Type': FORM }, body });
  expect(result.status).toBe(400);
  expect(result.json).toEqual({ error: 'invalid_request', error_description: 'assertion is given more than once' });
});

test('body above 64 KB → 413', async () => {
  const body = `grant_type=${encodeURIComponent(GRANT)}&assertion=${'a'.repeat(70 * 1024)}`;
  const result = await request(`${url}/oauth2/token`, { method: 'POST', headers: { 'Content-Type': FORM }, body });
  expect(result.status).toBe(413);
  expect(result.json).toEqual({ error: 'invalid_request', error_description: 'request body is larger than 64 KB' });
});

test('a 5 MB body → 413, and the emulator keeps serving', async () => {
  const result = await request(`${url}/oauth2/token`, { method: 'POST', headers: { 'Content-Type': FORM }, body: Buffer.alloc(5 * 1024 * 1024, 0x61) });
  expect(result.status).toBe(413);
  expect((await exchange(url, signRs256(claims(url)))).status).toBe(200);
});

test('GET /oauth2/token → 405 with Allow: POST', async () => {
  const result = await request(`${url}/oauth2/token`);
  expect(result.status).toBe(405);
  expect(result.headers.allow).toBe('POST');
  expect(result.json).toEqual({ error: 'method_not_allowed', error_description: 'use POST on this path' });
});

test('POST /.well-known/jwks.json → 405', async () => {
  const result = await request(`${url}/.well-known/jwks.json`, { method: 'POST', body: 'x' });
  expect(result.status).toBe(405);
  expect(result.headers.allow).toBe('GET');
});

test('DELETE /client/v1/process/abc → 405', async () => {
  const result = await request(`${url}/client/v1/process/abc`, { method: 'DELETE' });
  expect(result.status).toBe(405);
});

test.each(['/', '/oauth2/token/', '/oauth2', '/client/v1/process/a/b', '/processes/v1/a/b', '/_emulator/nope', '/nope'])('unknown path %s → 404 JSON', async (path) => {
  const result = await request(`${url}${path}`);
  expect(result.status).toBe(404);
  expect(result.json.error).toBe('not_found');
});

test('a query string does not change the route', async () => {
  const result = await request(`${url}/.well-known/jwks.json?x=1`);
  expect(result.status).toBe(200);
});

test('headers above 16 KB → 431 JSON (answered before any route)', async () => {
  const result = await request(`${url}/client/v1/process`, { method: 'POST', headers: { Authorization: `Bearer ${'A'.repeat(20_000)}` } });
  expect(result.status).toBe(431);
  expect(result.json).toEqual({ error: 'invalid_request', error_description: 'request headers are too large' });
});

test('bytes that are not HTTP → 400 JSON, and the emulator keeps serving', async () => {
  const net = await import('node:net');
  const reply = await new Promise<string>((resolve) => {
    let data = '';
    const socket = net.connect(emulator.port, '127.0.0.1', () => socket.end('\x16\x03\x01 not http at all\r\n\r\n'));
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('close', () => resolve(data));
  });
  expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
  expect(JSON.parse(reply.split('\r\n\r\n')[1])).toEqual({ error: 'invalid_request', error_description: 'the request is not valid HTTP/1.1' });
  expect((await exchange(url, signRs256(claims(url)))).status).toBe(200);
});
