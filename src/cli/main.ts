/**
 * The command line: yargs wiring only. Every command is a thin call into the library; heavy modules
 * (Newman, the emulator) are loaded inside handlers so that `--help` starts fast.
 */
import yargs from 'yargs';
import { EXIT, EXIT_MEANING, ExitCode, IdcloudPostmanError } from '../errors';
import { commands } from './commands';
import { CommandResult } from './command';
import { usageLine } from './usage';

export async function main(argv: readonly string[]): Promise<ExitCode> {
  let result: CommandResult | undefined;
  // yargs may report more than one thing about one command line ("Did you mean run?", then "Unknown argument: runn").
  const usageMessages: string[] = [];
  const parser = yargs([...argv])
    .scriptName('idcloud-postman')
    .usage('$0 <command> [options]\n\nUnico IDCloud service-account authentication: Postman collections, Newman CI runs, auth-error suites and a local emulator.')
    .strict()
    .demandCommand(1)
    .recommendCommands()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns || 110))
    .epilogue(`Exit codes: ${Object.entries(EXIT_MEANING).map(([code, meaning]) => `${code} ${meaning}`).join(' · ')}.`)
    .fail((msg, err) => {
      if (err) throw err;
      usageMessages.push(msg);
    })
    .exitProcess(false);
  for (const command of commands) {
    parser.command({
      ...command,
      handler: async (args: Record<string, unknown>) => {
        // yargs still calls the handler after a strict-mode usage error: never act on a bad command line.
        if (usageMessages.length > 0) return;
        result = await command.run(args);
      },
    });
  }
  try {
    await parser.parseAsync();
  } catch (error) {
    return reportError(error);
  }
  if (usageMessages.length > 0) {
    const line = usageLine(usageMessages, argv, commands);
    const command = argv.find((arg) => !arg.startsWith('-'));
    const help = commands.some((c) => c.command.split(' ')[0] === command) ? `${command} --help` : '--help';
    process.stderr.write(`idcloud-postman: ${line} (see ${help})\n`);
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
