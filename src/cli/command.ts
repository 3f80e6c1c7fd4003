import type { Argv } from 'yargs';
import type { ExitCode } from '../errors';

export interface CommandResult {
  exitCode: ExitCode;
}

/** One CLI command: yargs metadata plus `run`, which calls the library and returns the exit code. */
export interface CliCommand {
  command: string;
  describe: string;
  builder: (y: Argv) => Argv;
  run: (args: Record<string, unknown>) => Promise<CommandResult>;
}
