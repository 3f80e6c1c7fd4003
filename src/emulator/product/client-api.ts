/**
 * by Client: `POST /processes/v1` (answers the subject's scenario at once), `GET /processes/v1/{id}`, and
 * `GET /documents/v1?code=&type=` (the subject's documents: a BR_RG and a BR_CNH for every CPF but the
 * `error` scenario's, which has none; ids derived from tenant, CPF and type, so they are stable).
 * Errors use `{"error":{"code","description"}}`.
 */
import { createHash } from 'node:crypto';
import { productNow } from '../state';
import { checkedBody, invalidField, ok, ProductHandler } from './call';
import { clientProcessView, newClientProcess } from './client-process';
import { checkClientProcess, checkDocumentsQuery, DocumentType } from './client-validation';
import { scenarioOf, SCENARIOS } from './scenarios';

export const createClientProcess: ProductHandler = (call) => {
  const checked = checkedBody(call, checkClientProcess);
  if (!checked.ok) return checked.reply;
  const { state } = call;
  const now = productNow(state);
  const process = state.product.client.add(newClientProcess(call.caller.tenant, scenarioOf(checked.value.cpf), now, state.product.processSeconds));
  state.stats.processesCreated += 1;
  return ok(clientProcessView(process, now));
};

export const getClientProcess: ProductHandler = (call) => {
  const process = call.state.product.client.find(call.caller.tenant, call.id);
  return process ? ok(clientProcessView(process, productNow(call.state))) : call.fail('process_not_found');
};

const SUBJECT_DOCUMENTS: readonly DocumentType[] = ['BR_RG', 'BR_CNH'];

export const listDocuments: ProductHandler = (call) => {
  const checked = checkDocumentsQuery(call.query);
  if (!checked.ok) return invalidField(call, checked);
  const { cpf, type } = checked.value;
  const types = cpf === SCENARIOS.error.cpf ? [] : SUBJECT_DOCUMENTS.filter((t) => type === undefined || t === type);
  return ok({ items: types.map((documentType) => ({ documentType, documentId: stableId(`${call.caller.tenant}:${cpf}:${documentType}`) })) });
};

/** A UUID-shaped id derived from `seed`. */
function stableId(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
