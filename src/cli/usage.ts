/**
 * A bad command line as one line that says what to type instead: yargs' own messages ("Unknown argument: payld",
 * "Did you mean run?", "Not enough non-option arguments") turned into "unknown option --payld; did you mean
 * --payload?", with "see --help" said once.
 */
import yargs from 'yargs';
import { nearest } from '../nearest';
import type { CliCommand } from './command';

const UNKNOWN = /^Unknown arguments?: (.+)$/;
// yargs' own command suggestion reaches 3 edits ("xyz" → "run"): ours (nearest) is used instead.
const RECOMMENDED = /^Did you mean (.+)\?$/;

/** The options a command declares (the names yargs matches, hidden ones included), for "did you mean". */
function declaredOptions(command: CliCommand | undefined): string[] {
  if (!command) return [];
  // getOptions() is yargs' own (untyped in @types/yargs): what its strict mode checks against.
  const parser = command.builder(yargs([])) as unknown as { getOptions(): { key: Record<string, unknown> } };
  return Object.keys(parser.getOptions().key).filter((name) => name !== 'environments');
}

/** The command named on the command line, if any. */
function commandOf(argv: readonly string[], commands: readonly CliCommand[]): CliCommand | undefined {
  const word = argv.find((arg) => !arg.startsWith('-'));
  return commands.find((c) => c.command.split(' ')[0] === word);
}

/** How a word was written on the command line: `--payld`, `-x`, or a bare word. */
function asWritten(name: string, argv: readonly string[]): string {
  const written = argv.find((arg) => arg.replace(/=.*$/, '').replace(/^-+/, '') === name && arg.startsWith('-'));
  return written ? written.replace(/=.*$/, '') : name;
}

/**
 * The one line for yargs' usage messages (in the order yargs reported them) on `argv`; without "(see --help)",
 * which the caller adds once.
 */
export function usageLine(messages: readonly string[], argv: readonly string[], commands: readonly CliCommand[]): string {
  const commandNames = commands.map((c) => c.command.split(' ')[0]);
  // A typo first: "unknown option --nam; did you mean --name?" explains the "missing --name" after it.
  const parts: string[] = [];
  const typos: string[] = [];
  for (const message of messages) {
    if (RECOMMENDED.test(message)) continue;
    const unknown = UNKNOWN.exec(message);
    if (!unknown) {
      const named = commandOf(argv, commands);
      if (message.startsWith('Missing required argument') && messages.some((m) => m.startsWith('Not enough non-option arguments'))) continue;
      const missing = /^Missing required arguments?: (.+)$/.exec(message);
      if (missing) {
        parts.push(`missing ${missing[1].split(', ').map((name) => `--${name}`).join(', ')}`);
      } else if (message.startsWith('Not enough non-option arguments')) {
        parts.push(named ? `${named.command.split(' ')[0]} needs ${named.command.split(' ').slice(1).join(' ')}` : `name a command: ${commandNames.join(', ')}`);
      } else {
        // yargs sometimes spreads a message over lines ("Invalid values:\n  Argument: …"): keep it one line.
        parts.push(message.replace(/\s*\n\s*/g, ' '));
      }
      continue;
    }
    const command = commandOf(argv, commands);
    for (const name of unknown[1].split(', ')) {
      const written = asWritten(name, argv);
      if (!written.startsWith('-')) {
        const likely = !command ? nearest(name, commandNames) : undefined;
        parts.push(command ? `unexpected argument "${name}" for ${command.command.split(' ')[0]}` : `unknown command "${name}"${likely ? `; did you mean ${likely}?` : `; the commands are ${commandNames.join(', ')}`}`);
        continue;
      }
      const options = declaredOptions(command);
      const likely = nearest(name, options);
      const where = command ? ` for ${command.command.split(' ')[0]}` : '';
      typos.push(`unknown option ${written}${where}${likely ? `; did you mean --${likely}?` : ''}`);
    }
  }
  return [...typos, ...parts].join('; ');
}
