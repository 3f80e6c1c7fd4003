/**
 * The official Postman CLI (npm `postman-cli`, pinned 1.34.0: it lints and runs Collection format v3 offline), for
 * the tests that prove our v3 directories by the tool Postman users run. It is a ~240 MB binary, so it is not a
 * dependency of the project: `.ci/run` installs it once into a cache folder outside node_modules, where these tests
 * find it (or at $IDCLOUD_POSTMAN_CLI). Absent outside CI, those tests are skipped with a message saying how to get
 * it; absent in CI (CI=true), they fail.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const POSTMAN_CLI_VERSION = '1.34.0';
export const POSTMAN_CLI_CACHE = path.join(os.homedir(), '.cache', 'idcloud-postman', `postman-cli-${POSTMAN_CLI_VERSION}`);
export const POSTMAN_CLI = process.env.IDCLOUD_POSTMAN_CLI || path.join(POSTMAN_CLI_CACHE, 'node_modules', '.bin', 'postman');

const INSTALL = `npm install --prefix ${POSTMAN_CLI_CACHE} --no-save postman-cli@${POSTMAN_CLI_VERSION} (what .ci/run does), or set IDCLOUD_POSTMAN_CLI to the binary`;

/**
 * `describe` when the Postman CLI is there; otherwise a skip with the reason (on a developer's machine) or one
 * failing test (in CI, where a missing tool must not pass for a green run).
 */
export function describeWithPostmanCli(name: string, body: () => void): void {
  if (fs.existsSync(POSTMAN_CLI)) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    test(`${name}: the Postman CLI is installed`, () => {
      throw new Error(`the Postman CLI is not at ${POSTMAN_CLI}; in CI it must be: ${INSTALL}`);
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`skipped "${name}": the Postman CLI is not at ${POSTMAN_CLI}; to run these tests: ${INSTALL}`);
  describe.skip(name, body);
}

export interface PostmanCliResult {
  exitCode: number | null;
  /** stdout and stderr together, as a user reads them. */
  output: string;
}

export function runPostmanCli(args: readonly string[], timeoutMs = 200_000): Promise<PostmanCliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(POSTMAN_CLI, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, output });
    });
  });
}

/** The executed and failed counts of one row (`requests`, `assertions`, …) of the Postman CLI's run summary. */
export function postmanCliCount(output: string, row: string): { executed: number; failed: number } | undefined {
  const match = new RegExp(`\\|\\s+${row}\\s+\\|\\s+(\\d+)\\s+\\|\\s+(\\d+)\\s+\\|`).exec(output);
  return match ? { executed: Number(match[1]), failed: Number(match[2]) } : undefined;
}
