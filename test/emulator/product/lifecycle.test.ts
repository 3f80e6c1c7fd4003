/**
 * The by-Unico process lifecycle driven end to end over HTTP: created → finished by the control path or by
 * itself (`processSeconds`, the person's scenario) or by expiry; the selfie (8 h) and evidence set (2 h)
 * retention on the emulator's product clock; the sign host's files; the control path's own answers.
 */
import { SCENARIOS, type RunningEmulator } from '../../../src/emulator';
import {
  accessToken, advanceClock, bearer, finishProcess, postJson, request, signProcessBody, startTestEmulator, TINY_PDF, unicoErrorBody, unicoProcessBody,
} from '../support';

const HOUR = 3600;
const started: RunningEmulator[] = [];
afterAll(() => Promise.all(started.map((e) => e.close())));

async function emulatorWithToken(processSeconds = 0) {
  const emulator = await startTestEmulator({ processSeconds });
  started.push(emulator);
  const auth = bearer(await accessToken(emulator.url));
  const create = async (body: Record<string, unknown>) => (await postJson(`${emulator.url}/client/v1/process`, body, auth)).json.process;
  const get = (path: string) => request(`${emulator.url}${path}`, { headers: auth });
  return { url: emulator.url, create, get };
}

test.concurrent('created → finished (control path) → selfie kept 8 h and evidence set 2 h on the product clock', async () => {
  const { url, create, get } = await emulatorWithToken();
  const process = await create(unicoProcessBody());
  const base = `/client/v1/process/${process.id}`;
  for (const file of ['selfie', 'evidenceset']) expect((await get(`${base}/${file}`)).json).toEqual(unicoErrorBody(5));

  const finished = await finishProcess(url, process.id);
  expect(finished.status).toBe(200);
  const read = (await get(base)).json.process;
  expect(read).toMatchObject({ state: 'PROCESS_STATE_FINISHED', result: 'PROCESS_RESULT_OK', finishedAt: expect.any(String) });

  const [selfie, raw, evidence] = await Promise.all([get(`${base}/selfie`), get(`${base}/selfie?raw=true`), get(`${base}/evidenceset`)]);
  expect(selfie.json).toEqual({ fileContents: expect.any(String), contentType: 'image/jpeg' });
  expect(Buffer.from(selfie.json.fileContents, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  expect({ status: raw.status, type: raw.headers['content-type'] }).toEqual({ status: 200, type: 'image/jpeg' });
  expect(evidence.json.contentType).toBe('application/pdf');
  const pdf = Buffer.from(evidence.json.fileContents, 'base64').toString('latin1');
  expect(pdf.startsWith('%PDF-')).toBe(true);
  expect(pdf).toContain(process.id);
  expect(pdf).not.toContain('Maria'); // no personal data in the evidence

  await advanceClock(url, 2 * HOUR - 1);
  expect((await get(`${base}/evidenceset`)).status).toBe(200);
  await advanceClock(url, 2);
  expect((await get(`${base}/evidenceset`)).json).toEqual(unicoErrorBody(5));
  expect((await get(`${base}/selfie`)).status).toBe(200);
  await advanceClock(url, 6 * HOUR);
  expect((await get(`${base}/selfie`)).json).toEqual(unicoErrorBody(5));
  expect((await get(base)).json.process.state).toBe('PROCESS_STATE_FINISHED'); // the process itself stays
});

test.concurrent('the control path: each result; ERROR ends FAILED; a second finish 409; a bad result 400; an unknown id 404', async () => {
  const { url, create, get } = await emulatorWithToken();
  const results = ['PROCESS_RESULT_OK', 'PROCESS_RESULT_ERROR', 'PROCESS_RESULT_INVALID_IDENTITY', 'PROCESS_RESULT_UNSPECIFIED', 'PROCESS_RESULT_EXPIRED'];
  const processes = await Promise.all(results.map(() => create(unicoProcessBody())));
  await Promise.all(processes.map((p, i) => finishProcess(url, p.id, results[i])));
  const states = await Promise.all(processes.map(async (p) => (await get(`/client/v1/process/${p.id}`)).json.process));
  expect(states.map((p) => [p.state, p.result])).toEqual([
    ['PROCESS_STATE_FINISHED', 'PROCESS_RESULT_OK'],
    ['PROCESS_STATE_FAILED', 'PROCESS_RESULT_ERROR'],
    ['PROCESS_STATE_FINISHED', 'PROCESS_RESULT_INVALID_IDENTITY'],
    ['PROCESS_STATE_FINISHED', 'PROCESS_RESULT_UNSPECIFIED'],
    ['PROCESS_STATE_FINISHED', 'PROCESS_RESULT_EXPIRED'],
  ]);
  const fresh = await create(unicoProcessBody());
  const [again, bad, unknown, badClock, shown] = await Promise.all([
    finishProcess(url, processes[0].id),
    finishProcess(url, fresh.id, 'PROCESS_RESULT_MAYBE'),
    finishProcess(url, '00000000-0000-4000-8000-000000000000'),
    postJson(`${url}/_emulator/clock`, { advanceSeconds: -5 }),
    request(fresh.userRedirectUrl),
  ]);
  expect({ status: again.status, error: again.json.error }).toEqual({ status: 409, error: 'already_finished' });
  expect({ status: bad.status, description: bad.json.error_description }).toEqual({ status: 400, description: expect.stringMatching(/^result: /) });
  expect(unknown.status).toBe(404);
  expect({ status: badClock.status, description: badClock.json.error_description }).toEqual({ status: 400, description: expect.stringMatching(/^advanceSeconds: /) });
  expect({ status: shown.status, id: shown.json.process.id, state: shown.json.process.state }).toEqual({ status: 200, id: fresh.id, state: 'PROCESS_STATE_CREATED' });
});

test.concurrent('processSeconds: a process finishes by itself with its person\'s scenario result; unfinished before', async () => {
  const { url, create, get } = await emulatorWithToken(60);
  const person = (duiValue: string) => unicoProcessBody({ person: { duiType: 'DUI_TYPE_BR_CPF', duiValue } });
  const cpfs = [SCENARIOS.yes.cpf, SCENARIOS.divergence.cpf, SCENARIOS.error.cpf, SCENARIOS.inconclusive.cpf, '52998224725'];
  const processes = await Promise.all(cpfs.map((cpf) => create(person(cpf))));
  const read = () => Promise.all(processes.map(async (p) => (await get(`/client/v1/process/${p.id}`)).json.process));
  expect((await read()).map((p) => p.state)).toEqual(Array(5).fill('PROCESS_STATE_CREATED'));
  await advanceClock(url, 61);
  const after = await read();
  expect(after.map((p) => p.result)).toEqual([
    'PROCESS_RESULT_OK', 'PROCESS_RESULT_INVALID_IDENTITY', 'PROCESS_RESULT_ERROR', 'PROCESS_RESULT_UNSPECIFIED', 'PROCESS_RESULT_OK',
  ]);
  expect(after[2].state).toBe('PROCESS_STATE_FAILED');
  // finishedAt is when the process finished (createdAt + 60 s), not when it was read.
  expect(Date.parse(after[0].finishedAt) - Date.parse(after[0].createdAt)).toBe(60_000);
});

test.concurrent('a process nobody finishes expires at expiresAt: PROCESS_RESULT_EXPIRED, and it has no selfie', async () => {
  const { url, create, get } = await emulatorWithToken();
  const process = await create(unicoProcessBody({ expiresIn: '60s' }));
  await advanceClock(url, 61);
  expect((await get(`/client/v1/process/${process.id}`)).json.process).toMatchObject({ state: 'PROCESS_STATE_FINISHED', result: 'PROCESS_RESULT_EXPIRED', finishedAt: process.expiresAt });
  expect((await get(`/client/v1/process/${process.id}/selfie`)).json).toEqual(unicoErrorBody(5));
});

test.concurrent('sign host: the signed PDF and the signature evidence exist once the sign flow finished OK', async () => {
  const { url, create, get } = await emulatorWithToken();
  const [process, notSigned, plain] = await Promise.all([create(signProcessBody()), create(signProcessBody()), create(unicoProcessBody())]);
  const file = `/api/v1/service/file/${process.signDocuments[0].documentId}`;
  const [early, earlyEvidence] = await Promise.all([get(file), get(`/api/v1/service/evidence/${process.id}`)]);
  expect({ status: early.status, body: early.json }).toEqual({ status: 404, body: unicoErrorBody(5) });
  expect(earlyEvidence.status).toBe(404);

  await Promise.all([finishProcess(url, process.id), finishProcess(url, notSigned.id, 'PROCESS_RESULT_INVALID_IDENTITY'), finishProcess(url, plain.id)]);
  const [signed, evidence, refused, noSignFlow, unknown] = await Promise.all([
    get(file),
    get(`/api/v1/service/evidence/${process.id}`),
    get(`/api/v1/service/file/${notSigned.signDocuments[0].documentId}`),
    get(`/api/v1/service/evidence/${plain.id}`),
    get('/api/v1/service/file/00000000-0000-4000-8000-000000000000'),
  ]);
  expect({ status: signed.status, type: signed.headers['content-type'], text: signed.text }).toEqual({ status: 200, type: 'application/pdf', text: TINY_PDF.toString('latin1') });
  expect({ status: evidence.status, type: evidence.headers['content-type'], pdf: evidence.text.startsWith('%PDF-') }).toEqual({ status: 200, type: 'application/pdf', pdf: true });
  for (const answer of [refused, noSignFlow, unknown]) expect({ status: answer.status, body: answer.json }).toEqual({ status: 404, body: unicoErrorBody(5) });
});
