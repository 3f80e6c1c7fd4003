/**
 * Runs the real CLI (`node bin/idcloud-postman.js ...`, i.e. the built dist/) as a child process and
 * captures what a user or CI script would see. IDCLOUD_* variables of the parent (and GitHub Actions' page
 * variables) are removed so that tests see only what they pass in `env`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const INHERITED_NEVER = new Set(['GITHUB_STEP_SUMMARY', 'GITHUB_ACTIONS']);

export const CLI_BIN = path.resolve(__dirname, '..', '..', 'bin', 'idcloud-postman.js');

export interface CliResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Extra environment variables (IDCLOUD_* from the parent are never inherited). */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Kill the process after this long (default 30 s): a hung CLI fails the test instead of the suite. */
  timeoutMs?: number;
}

export function runCli(args: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  const env: Record<string, string | undefined> = {};
  // Nor the CI page variables: a test run inside GitHub Actions must not append to its job summary or annotate it.
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('IDCLOUD_') && !INHERITED_NEVER.has(name)) env[name] = value;
  Object.assign(env, { NO_COLOR: '1', FORCE_COLOR: '0' }, opts.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: opts.cwd, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
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
