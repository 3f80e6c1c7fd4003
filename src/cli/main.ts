/**
 * The command line: yargs wiring only. Every command is a thin call into the library; heavy modules
 * (Newman, the emulator) are loaded inside handlers so that `--help` starts fast.
 */
import yargs from 'yargs';
import { EXIT, EXIT_MEANING, ExitCode, IdcloudPostmanError } from '../errors';
import { commands } from './commands';
import { CommandResult } from './command';

export async function main(argv: readonly string[]): Promise<ExitCode> {
  let result: CommandResult | undefined;
  let usageError: string | undefined;
  const parser = yargs([...argv])
    .scriptName('idcloud-postman')
    .usage('$0 <command> [options]\n\nUnico IDCloud service-account authentication: Postman collections, Newman CI runs, auth-error suites and a local emulator.')
    .strict()
    .demandCommand(1, 'name a command; see --help')
    .recommendCommands()
    .wrap(Math.min(110, process.stdout.columns || 110))
    .epilogue(`Exit codes: ${Object.entries(EXIT_MEANING).map(([code, meaning]) => `${code} ${meaning}`).join(' · ')}.`)
    .fail((msg, err) => {
      if (err) throw err;
      // yargs sometimes spreads a message over lines ("Invalid values:\n  Argument: …"): keep it one line.
      usageError = msg.replace(/\s*\n\s*/g, ' ');
    })
    .exitProcess(false);
  for (const command of commands) {
    parser.command({
      ...command,
      handler: async (args: Record<string, unknown>) => {
        // yargs still calls the handler after a strict-mode usage error: never act on a bad command line.
        if (usageError) return;
        result = await command.run(args);
      },
    });
  }
  try {
    await parser.parseAsync();
  } catch (error) {
    return reportError(error);
  }
  if (usageError) {
    process.stderr.write(`idcloud-postman: ${usageError} (see --help)\n`);
    return EXIT.BAD_INPUT;
  }
  return result?.exitCode ?? EXIT.OK;
}

/** One line, no stack trace, the error's own exit code. */
export function reportError(error: unknown): ExitCode {
  if (error instanceof IdcloudPostmanError) {
    process.stderr.write(`idcloud-postman: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`idcloud-postman: unexpected error: ${message.split('\n')[0]}\n`);
  return EXIT.UNREACHABLE;
}
