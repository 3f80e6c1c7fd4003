/**
 * What the CLI reads and writes besides files: its two output streams and its environment variables. Every
 * command and the input layer go through one `CliIo`, never through `process` directly, so that the CLI can
 * run inside another program (and the tests) exactly as it runs in its own process.
 */
import type { TextOutput } from '../runner/types';

export interface CliOutput extends TextOutput {
  /** Set on a terminal: the live progress redraws, `--help` wraps to the width. */
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  /** The environment variables the inputs fall back to (IDCLOUD_*) and the CI reporters read. */
  env: NodeJS.ProcessEnv;
  /**
   * Stops a command that serves until interrupted (`emulator`) as SIGINT would. Without it that command
   * listens for the process's SIGINT and SIGTERM.
   */
  signal?: AbortSignal;
}

/** The process's own streams and environment: what `bin/idcloud-postman.js` runs with. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** `idcloud-postman: warning: …` on the io's stderr (a warning never changes the exit code). */
export function warnTo(io: CliIo): (line: string) => void {
  return (line) => io.stderr.write(`idcloud-postman: warning: ${line}\n`);
}

/** Options that point every reporter that prints at the io's streams and environment. */
export function ioReporterOptions(io: CliIo): Record<string, unknown> {
  return {
    cli: { stream: io.stdout, env: io.env },
    'github-annotations': { stream: io.stdout },
    'github-summary': { stderr: io.stderr },
  };
}
