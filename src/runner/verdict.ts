/**
 * Exit codes (cli-contract.md). Per environment: a failed check is 1; an environment that could not be
 * reached, was unavailable or could not complete is 3. For the run, 1 beats 3 beats 0: a failure is a finding
 * about the credentials or the server that someone must act on, while an outage is not (CI can retry a 3);
 * an outage elsewhere must not hide a finding. Each environment's own verdict stays in the summary.
 */
import { EXIT, ExitCode } from '../errors';
import type { EnvironmentResult, EnvironmentStatus, ReporterFailure } from './types';

export function statusExitCode(status: EnvironmentStatus): ExitCode {
  if (status === 'unreachable' || status === 'unavailable' || status === 'incomplete') return EXIT.UNREACHABLE;
  return status === 'failed' ? EXIT.TEST_FAILED : EXIT.OK;
}

/** Whether the environment was tested at all (else its checks say nothing about it). */
export function wasTested(status: EnvironmentStatus): boolean {
  return statusExitCode(status) !== EXIT.UNREACHABLE;
}

export function runExitCode(results: readonly Pick<EnvironmentResult, 'exitCode'>[]): ExitCode {
  if (results.some((r) => r.exitCode === EXIT.TEST_FAILED)) return EXIT.TEST_FAILED;
  if (results.some((r) => r.exitCode === EXIT.UNREACHABLE)) return EXIT.UNREACHABLE;
  return EXIT.OK;
}

/** The verdict word shown in the summary table. */
export function verdictLabel(status: EnvironmentStatus): string {
  return { passed: 'PASS', failed: 'FAIL', unreachable: 'UNREACHABLE', unavailable: 'UNAVAILABLE', incomplete: 'INCOMPLETE' }[status];
}

/** A reporter's failure as the CLI prints it on stderr: named, one line (already scrubbed), the verdict unchanged. */
export function reporterFailureLine(failure: ReporterFailure): string {
  return `reporter ${failure.reporter} failed: ${failure.message}; the verdict stands, its other reports are written`;
}
