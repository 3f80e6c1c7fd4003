/**
 * by Unico (Bearer): CreateProcess's success shape and each validation answer (400, code 3, the message
 * naming the field), GetProcess, 403 for an account without the capability, 404 and 413.
 */
import type { RunningEmulator } from '../../../src/emulator';
import {
  CPF, postJson, request, signProcessBody, startWithLimitedAccount, TINY_PDF, unicoErrorBody, unicoProcessBody,
} from '../support';

let emulator: RunningEmulator;
let url: string;
let auth: Record<string, string>;
let limitedAuth: Record<string, string>;
beforeAll(async () => {
  ({ emulator, url, auth, limitedAuth } = await startWithLimitedAccount(['unico:processes:read']));
});
afterAll(() => emulator.close());

const create = (body: unknown, headers = auth) => postJson(`${url}/client/v1/process`, body, headers);
const b64 = (text: string) => Buffer.from(text).toString('base64');
const document = (fileContents: unknown) => [{ envelopePayload: { documents: [{ documentName: 'a.pdf', fileContents }] } }];

test('CreateProcess → 200 {"process":{…}} in the documented shape, CREATED, expiring in 7 days by default', async () => {
  const result = await create(unicoProcessBody({ clientReference: 'order-42' }));
  expect(result.status).toBe(200);
  const { process } = result.json;
  expect(process).toEqual({
    id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
    flow: 'idcheck',
    callbackUri: 'https://example.test/done',
    userRedirectUrl: `${url}/_emulator/processes/${process.id}`,
    state: 'PROCESS_STATE_CREATED',
    result: 'PROCESS_RESULT_UNSPECIFIED',
    createdAt: expect.any(String),
    expiresAt: expect.any(String),
    purpose: 'creditprocess',
    person: { duiType: 'DUI_TYPE_BR_CPF', duiValue: CPF, friendlyName: 'Maria Teste' },
    clientReference: 'order-42',
  });
  expect(Date.parse(process.expiresAt) - Date.parse(process.createdAt)).toBe(7 * 24 * 3600 * 1000);
  const fetched = await request(`${url}/client/v1/process/${process.id}`, { headers: auth });
  expect({ status: fetched.status, body: fetched.json }).toEqual({ status: 200, body: { process } });
});

test.each([
  ['a trailing slash on the path (Unico\'s own collection)', '/client/v1/process/', unicoProcessBody()],
  ['expiresIn "3600s"', '/client/v1/process', unicoProcessBody({ expiresIn: '3600s' })],
  ['expiresIn as whole seconds', '/client/v1/process', unicoProcessBody({ expiresIn: 3600 })],
  ['a formatted CPF', '/client/v1/process', unicoProcessBody({ person: { duiType: 'DUI_TYPE_BR_CPF', duiValue: '529.982.247-25' } })],
  ['idtoken with bioTokenId and no person', '/client/v1/process', { callbackUri: '/', flow: 'idtoken', purpose: 'creditprocess', bioTokenId: 'bt-1' }],
  ['a sign flow with a base64 PDF', '/client/v1/process', signProcessBody()],
  ['a sign flow with a data-URL PDF', '/client/v1/process', signProcessBody({ flow: 'iddocssign', payload: document(`data:application/pdf;base64,${TINY_PDF.toString('base64')}`) })],
])('accepted: %s', async (_name, path, body) => {
  const result = await postJson(`${url}${path}`, body, auth);
  expect(result.status).toBe(200);
  expect(result.json.process.state).toBe('PROCESS_STATE_CREATED');
});

test('expiresIn sets expiresAt; a sign flow lists its documents under signDocuments', async () => {
  const [short, sign] = await Promise.all([create(unicoProcessBody({ expiresIn: '3600s' })), create(signProcessBody())]);
  expect(Date.parse(short.json.process.expiresAt) - Date.parse(short.json.process.createdAt)).toBe(3600 * 1000);
  expect(sign.json.process.signDocuments).toEqual([{ documentId: expect.stringMatching(/^[0-9a-f-]{36}$/), documentName: 'contract.pdf' }]);
});

const person = (fields: Record<string, unknown>) => ({ person: { duiType: 'DUI_TYPE_BR_CPF', duiValue: CPF, ...fields } });
test.each([
  ['an empty body', '', 'callbackUri'],
  ['{}', {}, 'callbackUri'],
  ['a JSON array', [], 'body'],
  ['callbackUri empty', unicoProcessBody({ callbackUri: ' ' }), 'callbackUri'],
  ['flow missing', unicoProcessBody({ flow: undefined }), 'flow'],
  ['flow not documented', unicoProcessBody({ flow: 'idmagic' }), 'flow'],
  ['purpose missing', unicoProcessBody({ purpose: undefined }), 'purpose'],
  ['person missing', unicoProcessBody({ person: undefined }), 'person'],
  ['person.duiType another type', unicoProcessBody(person({ duiType: 'DUI_TYPE_BR_RG' })), 'person.duiType'],
  ['person.duiValue a wrong check digit', unicoProcessBody(person({ duiValue: '52998224724' })), 'person.duiValue'],
  ['person.duiValue eleven equal digits', unicoProcessBody(person({ duiValue: '11111111111' })), 'person.duiValue'],
  ['person.duiValue a number', unicoProcessBody(person({ duiValue: 52998224725 })), 'person.duiValue'],
  ['idtoken without bioTokenId', { callbackUri: '/', flow: 'idtoken', purpose: 'x' }, 'bioTokenId'],
  ['expiresIn not a duration', unicoProcessBody({ expiresIn: '1h' }), 'expiresIn'],
  ['expiresIn zero', unicoProcessBody({ expiresIn: '0s' }), 'expiresIn'],
  ['clientReference a number', unicoProcessBody({ clientReference: 7 }), 'clientReference'],
  ['a sign flow without payload', signProcessBody({ payload: undefined }), 'payload'],
  ['a sign flow without documents', signProcessBody({ payload: [{ envelopePayload: { documents: [] } }] }), 'payload[0].envelopePayload.documents'],
  ['fileContents missing', signProcessBody({ payload: document(undefined) }), 'payload[0].envelopePayload.documents[0].fileContents'],
  ['fileContents not base64', signProcessBody({ payload: document('%%% not base64') }), 'payload[0].envelopePayload.documents[0].fileContents'],
  ['fileContents base64 of something not a PDF', signProcessBody({ payload: document(b64('hello, not a pdf')) }), 'payload[0].envelopePayload.documents[0].fileContents'],
])('400 (code 3) naming the field: %s', async (_name, body, field) => {
  const result = await create(body);
  expect({ status: result.status, body: result.json }).toEqual({ status: 400, body: unicoErrorBody(3, field) });
});

test('a body that is not JSON → 400 (code 3); one above 2 MB → 413 (code 8)', async () => {
  const [notJson, huge] = await Promise.all([create('{"callbackUri":'), create(unicoProcessBody({ clientReference: 'x'.repeat(2 * 1024 * 1024) }))]);
  expect({ status: notJson.status, body: notJson.json }).toEqual({ status: 400, body: unicoErrorBody(3) });
  expect({ status: huge.status, body: huge.json }).toEqual({ status: 413, body: unicoErrorBody(8) });
});

test('GetProcess: an id that is not a UUID → 400 "process id is invalid" (code 3); an unknown one → 404 (code 5)', async () => {
  const [invalid, unknown] = await Promise.all([
    request(`${url}/client/v1/process/not-an-id`, { headers: auth }),
    request(`${url}/client/v1/process/00000000-0000-4000-8000-000000000000`, { headers: auth }),
  ]);
  expect({ status: invalid.status, body: invalid.json }).toEqual({ status: 400, body: { code: 3, message: 'process id is invalid', details: [] } });
  expect({ status: unknown.status, body: unknown.json }).toEqual({ status: 404, body: { code: 5, message: 'process not found', details: [] } });
});

test('an account without the capability → 403 (code 7) naming it; with it, the same token reads', async () => {
  const created = await create(unicoProcessBody());
  const [refused, read] = await Promise.all([
    create(unicoProcessBody(), limitedAuth),
    request(`${url}/client/v1/process/${created.json.process.id}`, { headers: limitedAuth }),
  ]);
  expect({ status: refused.status, body: refused.json }).toEqual({ status: 403, body: { code: 7, message: expect.stringContaining('unico:processes:create'), details: [] } });
  expect(read.status).toBe(200);
  const selfie = await request(`${url}/client/v1/process/${created.json.process.id}/selfie`, { headers: limitedAuth });
  expect({ status: selfie.status, code: selfie.json.code }).toEqual({ status: 403, code: 7 });
});

test('GET on the create path → 405 with Allow: POST', async () => {
  const result = await request(`${url}/client/v1/process`, { headers: auth });
  expect({ status: result.status, allow: result.headers.allow }).toEqual({ status: 405, allow: 'POST' });
});
