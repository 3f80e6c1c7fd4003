/**
 * The command line: yargs wiring only. Every command is a thin call into the library; heavy modules
 * (Newman, the emulator) are loaded inside handlers so that `--help` starts fast. Everything the CLI prints
 * and every environment variable it reads goes through `io` (./io.ts): by default the process's own.
 */
import yargs from 'yargs';
import { EXIT, EXIT_MEANING, ExitCode, IdcloudPostmanError } from '../errors';
import { commands } from './commands';
import { CommandResult } from './command';
import { usageLine } from './usage';
import { CliIo, processIo } from './io';
import { CONFIG_ERROR_SETTING } from './options';

export type { CliIo, CliOutput } from './io';

/** Runs one command line; resolves to its exit code (it never sets process.exitCode nor exits). */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
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
    .wrap(Math.min(110, io.stdout.columns || 110))
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
        const configError = args[CONFIG_ERROR_SETTING];
        if (typeof configError === 'function') configError();
        result = await command.run(args, io);
      },
    });
  }
  // With a parse callback yargs prints nothing itself (no console.log): what it would print (`--help`,
  // `--version`) arrives here and goes to io.stdout.
  let output = '';
  try {
    await parser.parseAsync([...argv], {}, (_error, _args, text) => {
      output = text;
    });
  } catch (error) {
    return reportError(error, io);
  }
  if (usageMessages.length > 0) {
    const line = usageLine(usageMessages, argv, commands);
    const command = argv.find((arg) => !arg.startsWith('-'));
    const help = commands.some((c) => c.command.split(' ')[0] === command) ? `${command} --help` : '--help';
    io.stderr.write(`idcloud-postman: ${line} (see ${help})\n`);
    return EXIT.BAD_INPUT;
  }
  if (output) io.stdout.write(`${output}\n`);
  return result?.exitCode ?? EXIT.OK;
}

/** One line, no stack trace, the error's own exit code. */
export function reportError(error: unknown, io: Pick<CliIo, 'stderr'>): ExitCode {
  if (error instanceof IdcloudPostmanError) {
    io.stderr.write(`idcloud-postman: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`idcloud-postman: unexpected error: ${message.split('\n')[0]}\n`);
  return EXIT.UNREACHABLE;
}
