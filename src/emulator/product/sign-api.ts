/**
 * The sign host (same origin as the emulator): `GET /api/v1/service/file/{documentId}` answers the signed
 * document — the PDF sent in the sign flow's payload, as is — and `GET /api/v1/service/evidence/{processId}`
 * the signature evidence, a PDF; both only once the process finished with PROCESS_RESULT_OK, as long as
 * the process is kept. Errors as by Unico's file endpoints (`{"code","message","details"}`).
 */
import { settle } from './announce';
import { ProductHandler, rawOk } from './call';
import { SIGN_FLOWS } from './flows';
import type { UnicoProcess } from './lifecycle';
import { evidencePdf } from './unico-api';

const signed = (process: UnicoProcess) => process.result === 'PROCESS_RESULT_OK' && SIGN_FLOWS.has(process.input.flow);
const NOT_YET = 'it exists once its sign-flow process has finished with PROCESS_RESULT_OK';

export const getSignedDocument: ProductHandler = (call) => {
  const { state, caller } = call;
  for (const process of state.product.unico.values()) {
    const index = process.tenant === caller.tenant ? process.documentIds.indexOf(call.id) : -1;
    if (index === -1) continue;
    settle(state, process);
    return signed(process) ? rawOk('application/pdf', process.input.documents[index].bytes) : call.fail('process_not_found', `document not found: ${NOT_YET}`);
  }
  return call.fail('process_not_found', 'document not found');
};

export const getSignEvidence: ProductHandler = (call) => {
  const process = call.state.product.unico.find(call.caller.tenant, call.id);
  if (process) settle(call.state, process);
  return process && signed(process) ? rawOk('application/pdf', evidencePdf(process)) : call.fail('process_not_found', `evidence not found: ${NOT_YET}`);
};
