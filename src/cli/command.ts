import type { Argv } from 'yargs';
import type { ExitCode } from '../errors';
import type { CliIo } from './io';

export interface CommandResult {
  exitCode: ExitCode;
}

/**
 * One CLI command: yargs metadata plus `run`, which calls the library and returns the exit code. It prints and
 * reads environment variables only through `io`.
 */
export interface CliCommand {
  command: string;
  describe: string;
  builder: (y: Argv) => Argv;
  run: (args: Record<string, unknown>, io: CliIo) => Promise<CommandResult>;
}
