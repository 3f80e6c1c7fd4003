/**
 * A by-Unico process's life, as a function of the emulator's product clock: created
 * (`PROCESS_STATE_CREATED`, result `PROCESS_RESULT_UNSPECIFIED`) → finished with a result, either when told
 * (the control path), by itself `processSeconds` after creation (the result of its person's scenario), or
 * at `expiresAt` when nothing finished it before (`PROCESS_RESULT_EXPIRED`). A result of
 * `PROCESS_RESULT_ERROR` ends in `PROCESS_STATE_FAILED`, every other in `PROCESS_STATE_FINISHED`.
 * Its selfie is kept 8 h and its evidence set 2 h after it finishes; an expired process has neither.
 */
import { randomUUID } from 'node:crypto';
import { EVIDENCE_SET_RETENTION_MS, SELFIE_RETENTION_MS } from './flows';
import { scenarioOf, SCENARIOS, UnicoResult } from './scenarios';
import type { CreateProcessInput } from './unico-validation';

export type ProcessState = 'PROCESS_STATE_CREATED' | 'PROCESS_STATE_FINISHED' | 'PROCESS_STATE_FAILED';

export interface UnicoProcess {
  id: string;
  tenant: string;
  /** The service account (iss) that created it: its webhook is told when it finishes. */
  accountIss: string;
  input: CreateProcessInput;
  /** Ids under which the sign host serves each signed document, in `input.documents` order. */
  documentIds: string[];
  createdAtMs: number;
  expiresAtMs: number;
  autoFinishAtMs?: number;
  state: ProcessState;
  result: UnicoResult;
  finishedAtMs?: number;
}

export function newUnicoProcess(input: CreateProcessInput, owner: { tenant: string; accountIss: string }, nowMs: number, processSeconds: number): UnicoProcess {
  return {
    id: randomUUID(),
    ...owner,
    input,
    documentIds: input.documents.map(() => randomUUID()),
    createdAtMs: nowMs,
    expiresAtMs: nowMs + input.expiresInSeconds * 1000,
    ...(processSeconds > 0 && { autoFinishAtMs: nowMs + processSeconds * 1000 }),
    state: 'PROCESS_STATE_CREATED',
    result: 'PROCESS_RESULT_UNSPECIFIED',
  };
}

export function isFinished(process: UnicoProcess): boolean {
  return process.state !== 'PROCESS_STATE_CREATED';
}

export function finishProcess(process: UnicoProcess, result: UnicoResult, atMs: number): void {
  process.state = result === 'PROCESS_RESULT_ERROR' ? 'PROCESS_STATE_FAILED' : 'PROCESS_STATE_FINISHED';
  process.result = result;
  process.finishedAtMs = atMs;
}

/** Applies what the clock says has happened by `nowMs`; true when the process finished just now. */
export function settleProcess(process: UnicoProcess, nowMs: number): boolean {
  if (isFinished(process)) return false;
  const auto = process.autoFinishAtMs;
  if (auto !== undefined && auto <= nowMs && auto < process.expiresAtMs) {
    finishProcess(process, SCENARIOS[scenarioOf(process.input.person?.duiValue)].unicoResult, auto);
    return true;
  }
  if (process.expiresAtMs <= nowMs) {
    finishProcess(process, 'PROCESS_RESULT_EXPIRED', process.expiresAtMs);
    return true;
  }
  return false;
}

export type ProcessFile = 'selfie' | 'evidenceset';
const RETENTION_MS: Record<ProcessFile, number> = { selfie: SELFIE_RETENTION_MS, evidenceset: EVIDENCE_SET_RETENTION_MS };

/** A finished (not expired) process's file exists until its retention after finishing runs out. */
export function hasFile(process: UnicoProcess, file: ProcessFile, nowMs: number): boolean {
  if (!isFinished(process) || process.result === 'PROCESS_RESULT_EXPIRED' || process.finishedAtMs === undefined) return false;
  return nowMs < process.finishedAtMs + RETENTION_MS[file];
}

/** GetProcess's `process` object. */
export function processView(process: UnicoProcess, userRedirectUrl: string): Record<string, unknown> {
  const { input } = process;
  return {
    id: process.id,
    flow: input.flow,
    callbackUri: input.callbackUri,
    userRedirectUrl,
    state: process.state,
    result: process.result,
    createdAt: new Date(process.createdAtMs).toISOString(),
    ...(process.finishedAtMs !== undefined && { finishedAt: new Date(process.finishedAtMs).toISOString() }),
    expiresAt: new Date(process.expiresAtMs).toISOString(),
    purpose: input.purpose,
    ...(input.person && { person: input.person }),
    ...(input.clientReference !== undefined && { clientReference: input.clientReference }),
    // The emulator's own field (Unico does not show where a sign flow's document ids appear): the ids the
    // sign host serves the signed PDFs under, GET /api/v1/service/file/{documentId}.
    ...(input.documents.length > 0 && {
      signDocuments: input.documents.map((document, i) => ({ documentId: process.documentIds[i], documentName: document.name })),
    }),
  };
}
