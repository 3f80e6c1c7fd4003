/**
 * Test CPFs → outcomes, like Unico's "Response Scenarios": a by-Client process answers the scenario of its
 * `subject.code`, and a by-Unico process that finishes by itself (`--process-seconds`) takes the result of
 * its `person.duiValue`. Every CPF here has valid check digits; any other valid CPF is the `yes` scenario.
 *
 * by Client fields (Unico documents their names, not these values): `status` 1 processing, 2 divergence,
 * 3 finished, 4 canceled, 5 error (still HTTP 200); `unicoId.result` yes/no/inconclusive; `liveness` 1 live,
 * 2 not live; `identityFraudsters.result` yes/no; `score` -100..100.
 */
import { cpfDigits } from './cpf';

export type ScenarioName = 'yes' | 'inconclusive' | 'divergence' | 'liveness-failed' | 'error' | 'processing' | 'canceled';
/** by Unico's process results (GetProcess `result`), in the order the control path lists them. */
export const UNICO_RESULTS = [
  'PROCESS_RESULT_OK', 'PROCESS_RESULT_ERROR', 'PROCESS_RESULT_INVALID_IDENTITY', 'PROCESS_RESULT_UNSPECIFIED', 'PROCESS_RESULT_EXPIRED',
] as const;
export type UnicoResult = (typeof UNICO_RESULTS)[number];

export interface Scenario {
  cpf: string;
  /** The by-Client answer's fields besides `id`. */
  client: Record<string, unknown>;
  /** The result a by-Unico process of this person finishes with by itself. */
  unicoResult: UnicoResult;
}

const finished = (result: string, liveness: number, fraud: string, score: number) => ({
  status: 3, unicoId: { result }, liveness, identityFraudsters: { result: fraud }, score,
});

export const SCENARIOS: Readonly<Record<ScenarioName, Scenario>> = {
  yes: { cpf: '10000000108', client: finished('yes', 1, 'no', 95), unicoResult: 'PROCESS_RESULT_OK' },
  inconclusive: { cpf: '10000000280', client: finished('inconclusive', 1, 'no', 0), unicoResult: 'PROCESS_RESULT_UNSPECIFIED' },
  divergence: { cpf: '10000000361', client: { status: 2, unicoId: { result: 'no' }, liveness: 1, identityFraudsters: { result: 'yes' }, score: -90 }, unicoResult: 'PROCESS_RESULT_INVALID_IDENTITY' },
  'liveness-failed': { cpf: '10000000442', client: finished('inconclusive', 2, 'no', 0), unicoResult: 'PROCESS_RESULT_INVALID_IDENTITY' },
  error: { cpf: '10000000523', client: { status: 5, error: { code: 'processing_error', description: 'the capture could not be processed (test scenario)' } }, unicoResult: 'PROCESS_RESULT_ERROR' },
  processing: { cpf: '10000000604', client: { status: 1 }, unicoResult: 'PROCESS_RESULT_OK' },
  canceled: { cpf: '10000000795', client: { status: 4 }, unicoResult: 'PROCESS_RESULT_ERROR' },
};

export const DEFAULT_SCENARIO: ScenarioName = 'yes';

/** The scenario of a CPF (either written form); any CPF outside the table is the default. */
export function scenarioOf(cpf: unknown): ScenarioName {
  const digits = cpfDigits(cpf);
  const found = (Object.keys(SCENARIOS) as ScenarioName[]).find((name) => SCENARIOS[name].cpf === digits);
  return found ?? DEFAULT_SCENARIO;
}
