/** Exit codes (cli-contract.md): 3 beats 1 beats 0, since an unreachable environment tested nothing. */
import { EXIT, ExitCode } from '../errors';
import type { EnvironmentResult, EnvironmentStatus } from './types';

export function statusExitCode(status: EnvironmentStatus): ExitCode {
  if (status === 'unreachable' || status === 'incomplete') return EXIT.UNREACHABLE;
  return status === 'failed' ? EXIT.TEST_FAILED : EXIT.OK;
}

export function runExitCode(results: readonly Pick<EnvironmentResult, 'exitCode'>[]): ExitCode {
  let code: ExitCode = EXIT.OK;
  for (const r of results) {
    if (r.exitCode === EXIT.UNREACHABLE) return EXIT.UNREACHABLE;
    if (r.exitCode === EXIT.TEST_FAILED) code = EXIT.TEST_FAILED;
  }
  return code;
}

/** The verdict word shown in the summary table. */
export function verdictLabel(status: EnvironmentStatus): string {
  return { passed: 'PASS', failed: 'FAIL', unreachable: 'UNREACHABLE', incomplete: 'INCOMPLETE' }[status];
}
