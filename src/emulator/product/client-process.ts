/**
 * A by-Client process: its answer is its subject's scenario (scenarios.ts), fixed at creation. The
 * `processing` scenario answers status 1 until `processSeconds` have passed (when set), then `yes`.
 */
import { randomUUID } from 'node:crypto';
import { ScenarioName, SCENARIOS } from './scenarios';

export interface ClientProcess {
  id: string;
  tenant: string;
  scenario: ScenarioName;
  createdAtMs: number;
  /** When a `processing` process completes; undefined: never by itself. */
  completesAtMs?: number;
}

export function newClientProcess(tenant: string, scenario: ScenarioName, nowMs: number, processSeconds: number): ClientProcess {
  return {
    id: randomUUID(),
    tenant,
    scenario,
    createdAtMs: nowMs,
    ...(processSeconds > 0 && { completesAtMs: nowMs + processSeconds * 1000 }),
  };
}

/** The documented answer: `{"id","status", "unicoId":{"result"}, "liveness", "identityFraudsters":{"result"}, "score"}`. */
export function clientProcessView(process: ClientProcess, nowMs: number): Record<string, unknown> {
  const done = process.scenario === 'processing' && process.completesAtMs !== undefined && nowMs >= process.completesAtMs;
  return { id: process.id, ...SCENARIOS[done ? 'yes' : process.scenario].client };
}
