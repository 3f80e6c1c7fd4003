/**
 * CreateProcess (`POST /client/v1/process`) body → the fields the emulator keeps, or the first failing field.
 * Required as Unico documents them: `callbackUri`, `flow` (the documented list), `purpose`; `person.duiType`
 * `DUI_TYPE_BR_CPF` + `person.duiValue` a CPF with valid check digits (every flow but idtoken, which needs
 * `bioTokenId`); sign flows: `payload[].envelopePayload.documents[]` each with `fileContents` a base64 PDF.
 * `expiresIn` is a protobuf duration (`"3600s"`); a whole number of seconds is accepted too.
 */
import { Checked, invalid, isObject, isText, JsonObject } from './checks';
import { CPF_RULE, isValidCpf } from './cpf';
import { decodeBase64, isPdf } from './files';
import { DEFAULT_EXPIRES_IN_SECONDS, DUI_TYPE_CPF, Flow, FLOWS, FLOWS_WITHOUT_PERSON, isFlow, SIGN_FLOWS } from './flows';

export interface SignDocument {
  name: string;
  bytes: Buffer;
}

export interface CreateProcessInput {
  flow: Flow;
  callbackUri: string;
  purpose: string;
  /** The person as sent, string fields only (GetProcess answers it back). */
  person?: Record<string, unknown>;
  clientReference?: string;
  expiresInSeconds: number;
  documents: SignDocument[];
}

const PERSON_FIELDS = ['duiType', 'duiValue', 'friendlyName', 'phone', 'phoneCountryCodeAlpha3', 'email'] as const;
const MAX_EXPIRES_IN_SECONDS = 365 * 24 * 3600;

export function checkCreateProcess(body: unknown): Checked<CreateProcessInput> {
  if (!isObject(body)) return invalid('body', 'send a JSON object with callbackUri, flow, purpose and person');
  if (!isText(body.callbackUri)) return invalid('callbackUri', 'required: the URL the user returns to when the journey ends');
  if (!isFlow(body.flow)) return invalid('flow', `required: one of ${FLOWS.join(', ')}`);
  if (!isText(body.purpose)) return invalid('purpose', 'required, e.g. creditprocess, biometryonboarding, carpurchase, ageverification');
  const flow = body.flow;
  const person = checkPerson(body.person, flow, body.bioTokenId);
  if (!person.ok) return person;
  const expiresIn = checkExpiresIn(body.expiresIn);
  if (!expiresIn.ok) return expiresIn;
  const documents = SIGN_FLOWS.has(flow) ? checkSignDocuments(body.payload, flow) : { ok: true as const, value: [] };
  if (!documents.ok) return documents;
  if (body.clientReference !== undefined && typeof body.clientReference !== 'string') return invalid('clientReference', 'must be a string');
  return {
    ok: true,
    value: {
      flow,
      callbackUri: body.callbackUri,
      purpose: body.purpose,
      ...(person.value && { person: person.value }),
      ...(typeof body.clientReference === 'string' && { clientReference: body.clientReference }),
      expiresInSeconds: expiresIn.value,
      documents: documents.value,
    },
  };
}

function checkPerson(person: unknown, flow: Flow, bioTokenId: unknown): Checked<Record<string, unknown> | undefined> {
  if (FLOWS_WITHOUT_PERSON.has(flow)) {
    if (!isText(bioTokenId)) return invalid('bioTokenId', `required for flow ${flow}`);
    return { ok: true, value: isObject(person) ? keptPersonFields(person) : undefined };
  }
  if (!isObject(person)) return invalid('person', `required for flow ${flow}: {"duiType":"${DUI_TYPE_CPF}","duiValue":"<CPF>"}`);
  if (person.duiType !== DUI_TYPE_CPF) return invalid('person.duiType', `required: ${DUI_TYPE_CPF}`);
  if (!isValidCpf(person.duiValue)) return invalid('person.duiValue', `required: ${CPF_RULE}`);
  return { ok: true, value: keptPersonFields(person) };
}

function keptPersonFields(person: JsonObject): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const field of PERSON_FIELDS) if (typeof person[field] === 'string') kept[field] = person[field];
  return kept;
}

function checkExpiresIn(value: unknown): Checked<number> {
  if (value === undefined) return { ok: true, value: DEFAULT_EXPIRES_IN_SECONDS };
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?s$/.test(value) ? Number(value.slice(0, -1)) : NaN;
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_EXPIRES_IN_SECONDS) {
    return invalid('expiresIn', `must be a duration such as "3600s", above 0 and at most ${MAX_EXPIRES_IN_SECONDS}s`);
  }
  return { ok: true, value: seconds };
}

function checkSignDocuments(payload: unknown, flow: Flow): Checked<SignDocument[]> {
  if (!Array.isArray(payload) || payload.length === 0) {
    return invalid('payload', `required for flow ${flow}: [{"envelopePayload":{"documents":[{"documentName","fileContents"}]}}]`);
  }
  const documents: SignDocument[] = [];
  for (const [i, entry] of payload.entries()) {
    const envelope = isObject(entry) ? entry.envelopePayload : undefined;
    const list = isObject(envelope) ? envelope.documents : undefined;
    const where = `payload[${i}].envelopePayload.documents`;
    if (!Array.isArray(list) || list.length === 0) return invalid(where, 'required: at least one {"documentName","fileContents"}');
    for (const [j, document] of list.entries()) {
      const contents = isObject(document) ? document.fileContents : undefined;
      const bytes = typeof contents === 'string' ? decodeBase64(contents) : undefined;
      if (!bytes || !isPdf(bytes)) return invalid(`${where}[${j}].fileContents`, 'required: a PDF in base64 (its bytes start with %PDF-)');
      const name = isObject(document) && isText(document.documentName) ? document.documentName : `document-${documents.length + 1}.pdf`;
      documents.push({ name, bytes });
    }
  }
  return { ok: true, value: documents };
}
