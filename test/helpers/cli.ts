/**
 * Runs the CLI and captures what a user or CI script would see: `{ exitCode, stdout, stderr }`.
 *
 * - `runCli`: in this process, through `main(argv, io)` (src/cli/main.ts, built) with io's streams captured
 *   and its own environment. The same code the binary runs, without a Node start-up per call: the default.
 * - `runCliProcess`: the real binary (`node bin/idcloud-postman.js ...`, i.e. the built dist/) as a child
 *   process, for what only a process shows: exit codes through the binary, signals, start-up, a working
 *   directory, warnings Node itself prints.
 *
 * Either way IDCLOUD_* variables of the parent (and GitHub Actions' page variables) are left out, so that
 * tests see only what they pass in `env`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { main as Main } from '../../src/cli/main';
import { nativeRequire } from './native/load';

const INHERITED_NEVER = new Set(['GITHUB_STEP_SUMMARY', 'GITHUB_ACTIONS']);

export const CLI_BIN = path.resolve(__dirname, '..', '..', 'bin', 'idcloud-postman.js');

const BUILT_MAIN = path.resolve(__dirname, '..', '..', 'dist', 'cli', 'main.js');

/** The built CLI (dist/, what the binary runs), loaded by Node's own loader once per worker (native/load.ts says why). */
function builtMain(): typeof Main {
  return (nativeRequire(BUILT_MAIN) as { main: typeof Main }).main;
}

export interface CliResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Extra environment variables (IDCLOUD_* from the parent are never inherited). */
  env?: Record<string, string | undefined>;
  /** Stops a serving command (`emulator`) as SIGINT would (in process only). */
  signal?: AbortSignal;
  /**
   * Give up after this long (default 55 s, inside Jest's 60): a hung CLI fails the test instead of the suite. A child process
   * is killed; in process the result is an error.
   */
  timeoutMs?: number;
}

export interface CliProcessOptions extends CliOptions {
  cwd?: string;
}

/** The environment the CLI under test sees: the parent's without IDCLOUD_* and CI page variables, plus `extra`. */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  // Nor the CI page variables: a test run inside GitHub Actions must not append to its job summary or annotate it.
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('IDCLOUD_') && !INHERITED_NEVER.has(name)) env[name] = value;
  Object.assign(env, { NO_COLOR: '1', FORCE_COLOR: '0' }, extra);
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  return env as NodeJS.ProcessEnv;
}

/** The CLI in this process (main(argv, io)), its output captured. */
export async function runCli(args: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const run = builtMain()(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: cliEnv(opts.env),
    signal: opts.signal,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeoutMs = opts.timeoutMs ?? 55_000;
  const hung = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`idcloud-postman ${args.join(' ')}: no exit within ${timeoutMs} ms\n${stdout}\n${stderr}`)), timeoutMs);
  });
  try {
    const exitCode = await Promise.race([run, hung]);
    return { exitCode, stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}

/** The real binary in a child process. */
export function runCliProcess(args: readonly string[], opts: CliProcessOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: opts.cwd, env: cliEnv(opts.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 55_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stdout, stderr });
    });
  });
}

/** True when the text looks like a JavaScript stack trace (what users must never see). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+(\(|:\d+:\d+)/m.test(text) || /\n\s*at (Object|Module|process|new |async )/.test(text);
}
