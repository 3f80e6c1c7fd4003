/**
 * `idcloud-postman emulator --accounts FILE --port 0` as the long-running child process a user starts, until
 * stop(): for the first-day tests that send with files the CLI wrote to the emulator serving them.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { CLI_BIN } from '../helpers/cli';

export interface Served {
  url: string;
  log: () => string;
  stop: () => Promise<void>;
}

/** `idcloud-postman emulator --accounts FILE --port 0 --rate-limit 0`, until stop(). */
export function serveEmulatorProcess(accountsFile: string): Promise<Served> {
  return startEmulatorProcess(['emulator', '--accounts', accountsFile, '--port', '0', '--rate-limit', '0']);
}

/** `idcloud-postman ARGV…` (an `emulator` command line, on a free port), until stop(). */
export async function startEmulatorProcess(argv: readonly string[]): Promise<Served> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [CLI_BIN, ...argv], { stdio: 'pipe' });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (match) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`emulator exited with ${code}: ${out}`));
    });
  });
  return {
    url,
    log: () => out,
    stop: () => new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

