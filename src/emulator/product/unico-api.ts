/**
 * by Unico (Web & SDK): CreateProcess, GetProcess, GetSelfie (`?raw=true`: the image itself), GetEvidenceSet.
 * Errors use the gRPC-style body `{"code","message","details"}` (answers.ts). A process id that is not a
 * UUID is `3 process id is invalid`; an unknown one, another tenant's, or a file past its retention `5`.
 */
import { productNow } from '../state';
import { settle } from './announce';
import { checkedBody, ok, ProductCall, ProductHandler, rawOk } from './call';
import { hasFile, newUnicoProcess, ProcessFile, processView, UnicoProcess } from './lifecycle';
import { SELFIE_JPEG, textPdf } from './samples';
import { checkCreateProcess } from './unico-validation';
import type { Reply } from '../http';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the user's journey would start: the emulator's own page for the process (control path). */
export const userRedirectUrl = (url: string, id: string) => `${url}/_emulator/processes/${id}`;

export const createProcess: ProductHandler = (call) => {
  const checked = checkedBody(call, checkCreateProcess);
  if (!checked.ok) return checked.reply;
  const { state, caller } = call;
  const owner = { tenant: caller.tenant, accountIss: caller.accountIss ?? '' };
  const process = state.product.unico.add(newUnicoProcess(checked.value, owner, productNow(state), state.product.processSeconds));
  state.stats.processesCreated += 1;
  return ok({ process: processView(process, userRedirectUrl(state.url, process.id)) });
};

export const getProcess: ProductHandler = (call) => withProcess(call, (process) => ok({ process: processView(process, userRedirectUrl(call.state.url, process.id)) }));

export const getSelfie: ProductHandler = (call) =>
  withFile(call, 'selfie', () =>
    call.query.get('raw') === 'true' ? rawOk('image/jpeg', SELFIE_JPEG) : ok({ fileContents: SELFIE_JPEG.toString('base64'), contentType: 'image/jpeg' }),
  );

export const getEvidenceSet: ProductHandler = (call) =>
  withFile(call, 'evidenceset', (process) => ok({ fileContents: evidencePdf(process).toString('base64'), contentType: 'application/pdf' }));

/** The evidence PDF of a process: ids, flow, result and times; never the person's data. */
export function evidencePdf(process: UnicoProcess): Buffer {
  return textPdf([
    'IDCloud emulator - evidence set (test data, not a real evidence)',
    `process ${process.id}`,
    `flow ${process.input.flow}, purpose ${process.input.purpose}`,
    `${process.state} ${process.result}`,
    `created ${new Date(process.createdAtMs).toISOString()}, finished ${new Date(process.finishedAtMs ?? 0).toISOString()}`,
  ]);
}

function withProcess(call: ProductCall, answer: (process: UnicoProcess) => Reply): Reply {
  if (!UUID.test(call.id)) return call.fail('invalid_field', 'process id is invalid');
  const process = call.state.product.unico.find(call.caller.tenant, call.id);
  return process ? answer(settle(call.state, process)) : call.fail('process_not_found', 'process not found');
}

const RETENTION_TEXT: Record<ProcessFile, string> = { selfie: 'the selfie is kept 8 h', evidenceset: 'the evidence set is kept 2 h' };

function withFile(call: ProductCall, file: ProcessFile, answer: (process: UnicoProcess) => Reply): Reply {
  return withProcess(call, (process) =>
    hasFile(process, file, productNow(call.state))
      ? answer(process)
      : call.fail('process_not_found', `${file} not found: it exists once the process has finished (not expired), and ${RETENTION_TEXT[file]} after that`),
  );
}
