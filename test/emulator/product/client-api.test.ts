/**
 * by Client (Bearer + APIKEY): the scenario table driven end to end, each validation answer (400
 * invalid_field, the description naming the field), /documents/v1, 403 for an APIKEY without the
 * capability, 404 and 413.
 */
import { SCENARIOS, type RunningEmulator, type ScenarioName } from '../../../src/emulator';
import {
  advanceClock, clientErrorBody, clientProcessBody, CPF, finishProcess, postJson, request, startWithLimitedAccount, TINY_PNG,
} from '../support';

let emulator: RunningEmulator;
let url: string;
let auth: Record<string, string>;
let limitedAuth: Record<string, string>;
beforeAll(async () => {
  ({ emulator, url, auth, limitedAuth } = await startWithLimitedAccount(['client:processes:read'], { apiKey: true, options: { processSeconds: 30 } }));
});
afterAll(() => emulator.close());

const create = (body: unknown, headers = auth) => postJson(`${url}/processes/v1`, body, headers);
const get = (path: string, headers = auth) => request(`${url}${path}`, { headers });

test('every scenario of the table, created and read back: HTTP 200 with its status and results', async () => {
  const names = Object.keys(SCENARIOS) as ScenarioName[];
  const created = await Promise.all(names.map((name) => create(clientProcessBody({}, { code: SCENARIOS[name].cpf }))));
  const read = await Promise.all(created.map((c) => get(`/processes/v1/${c.json.id}`)));
  const table = Object.fromEntries(names.map((name, i) => [name, { status: created[i].status, body: created[i].json, read: read[i].json }]));
  for (const name of names) {
    expect(table[name]).toEqual({ status: 200, body: { id: expect.any(String), ...SCENARIOS[name].client }, read: table[name].body });
  }
  expect(table.yes.body).toMatchObject({ status: 3, unicoId: { result: 'yes' }, liveness: 1, identityFraudsters: { result: 'no' } });
  expect(table.inconclusive.body.unicoId.result).toBe('inconclusive');
  expect(table.divergence.body.status).toBe(2);
  expect(table['liveness-failed'].body.liveness).toBe(2);
  expect(table.error.body).toMatchObject({ status: 5, error: { code: expect.any(String) } });
  expect(table.processing.body.status).toBe(1);
  expect(table.canceled.body.status).toBe(4);
});

test('any other valid CPF, formatted or not, is the yes scenario', async () => {
  const [plain, formatted] = await Promise.all([create(clientProcessBody()), create(clientProcessBody({}, { code: '529.982.247-25' }))]);
  for (const result of [plain, formatted]) expect(result.json).toEqual({ id: expect.any(String), ...SCENARIOS.yes.client });
});

test('processing completes after processSeconds on the product clock, or when the control path says so', async () => {
  const body = clientProcessBody({}, { code: SCENARIOS.processing.cpf });
  const [first, second] = await Promise.all([create(body), create(body)]);
  await finishProcess(url, second.json.id);
  expect((await get(`/processes/v1/${second.json.id}`)).json.status).toBe(3);
  expect((await get(`/processes/v1/${first.json.id}`)).json.status).toBe(1);
  await advanceClock(url, 31);
  expect((await get(`/processes/v1/${first.json.id}`)).json).toEqual({ id: first.json.id, ...SCENARIOS.yes.client });
});

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([60, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(52)]);
const imageOf = (size: number) => Buffer.concat([TINY_PNG.subarray(0, 8), Buffer.alloc(size - 8, 7)]);

test.each([
  ['a JPEG', b64(JPEG)],
  ['a WebP', b64(WEBP)],
  ['a PNG as a data URL', `data:image/png;base64,${b64(TINY_PNG)}`],
  ['URL-safe base64', b64(JPEG).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')],
  ['an image of exactly 800 KB (a body of about 1.1 MB)', b64(imageOf(800 * 1024))],
])('accepted: %s', async (_name, imageBase64) => {
  const result = await create(clientProcessBody({ imageBase64 }));
  expect(result.status).toBe(200);
});

test.each([
  ['an empty body', '', 'subject'],
  ['a JSON array', [], 'body'],
  ['subject missing', clientProcessBody({ subject: undefined }), 'subject'],
  ['subject.code missing', clientProcessBody({}, { code: undefined }), 'subject.code'],
  ['subject.code a wrong check digit', clientProcessBody({}, { code: '52998224726' }), 'subject.code'],
  ['subject.code too short', clientProcessBody({}, { code: '5299822472' }), 'subject.code'],
  ['subject.name missing', clientProcessBody({}, { name: undefined }), 'subject.name'],
  ['subject.name blank', clientProcessBody({}, { name: '  ' }), 'subject.name'],
  ['imageBase64 missing', clientProcessBody({ imageBase64: undefined }), 'imageBase64'],
  ['imageBase64 not base64', clientProcessBody({ imageBase64: 'not base64!' }), 'imageBase64'],
  ['imageBase64 a GIF', clientProcessBody({ imageBase64: b64('GIF89a\x01\x00\x01\x00') }), 'imageBase64'],
  ['imageBase64 a PDF', clientProcessBody({ imageBase64: b64('%PDF-1.4') }), 'imageBase64'],
  ['imageBase64 above 800 KB', clientProcessBody({ imageBase64: b64(imageOf(800 * 1024 + 3)) }), 'imageBase64'],
])('400 invalid_field naming the field: %s', async (_name, body, field) => {
  const result = await create(body);
  expect({ status: result.status, body: result.json }).toEqual({ status: 400, body: clientErrorBody('invalid_field', field) });
});

test('a body that is not JSON → 400 invalid_request; above 2 MB → 413 body_too_large', async () => {
  const [notJson, huge] = await Promise.all([create('{"subject"'), create(clientProcessBody({ imageBase64: 'A'.repeat(2 * 1024 * 1024) }))]);
  expect({ status: notJson.status, body: notJson.json }).toEqual({ status: 400, body: clientErrorBody('invalid_request') });
  expect({ status: huge.status, body: huge.json }).toEqual({ status: 413, body: clientErrorBody('body_too_large') });
});

test('GET of an unknown id → 404 process_not_found', async () => {
  const result = await get('/processes/v1/00000000-0000-4000-8000-000000000000');
  expect({ status: result.status, body: result.json }).toEqual({ status: 404, body: clientErrorBody('process_not_found') });
});

describe('/documents/v1', () => {
  test('a CPF\'s documents: BR_RG and BR_CNH with stable ids; ?type filters; the error scenario\'s CPF has none', async () => {
    const [all, again, cnh, passport, none] = await Promise.all([
      get(`/documents/v1?code=${CPF}`),
      get(`/documents/v1?code=${CPF}`),
      get(`/documents/v1?code=${CPF}&type=BR_CNH`),
      get(`/documents/v1?code=${CPF}&type=BR_PASSPORT`),
      get(`/documents/v1?code=${SCENARIOS.error.cpf}`),
    ]);
    expect(all.json).toEqual({ items: [{ documentType: 'BR_RG', documentId: expect.stringMatching(/^[0-9a-f-]{36}$/) }, { documentType: 'BR_CNH', documentId: expect.any(String) }] });
    expect(again.json).toEqual(all.json);
    expect(cnh.json).toEqual({ items: [all.json.items[1]] });
    expect(passport.json).toEqual({ items: [] });
    expect(none.json).toEqual({ items: [] });
  });

  test.each([
    ['code missing', '', 'code'],
    ['code not a CPF', '?code=12345678900', 'code'],
    ['type not documented', `?code=${CPF}&type=BR_VISA`, 'type'],
  ])('400 invalid_field: %s', async (_name, query, field) => {
    const result = await get(`/documents/v1${query}`);
    expect({ status: result.status, body: result.json }).toEqual({ status: 400, body: clientErrorBody('invalid_field', field) });
  });
});

test('an APIKEY without the capability → 403 capability_missing naming it; the capability it has still works', async () => {
  const created = await create(clientProcessBody());
  const [post, documents, read] = await Promise.all([
    create(clientProcessBody(), limitedAuth),
    get(`/documents/v1?code=${CPF}`, limitedAuth),
    get(`/processes/v1/${created.json.id}`, limitedAuth),
  ]);
  expect({ status: post.status, body: post.json }).toEqual({ status: 403, body: { error: { code: 'capability_missing', description: expect.stringContaining('client:processes:create') } } });
  expect({ status: documents.status, code: documents.json.error.code }).toEqual({ status: 403, code: 'capability_missing' });
  expect(read.status).toBe(200); // processes belong to the tenant: another account of it may read them
});
