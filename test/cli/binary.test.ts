/**
 * The binary itself (bin/idcloud-postman.js in a child process): what only a process shows. Its exit code is
 * main's, `--help` starts without loading the heavy modules, and a usage error is one line on stderr. The
 * commands' behaviour is tested in process (helpers/cli.ts runCli); here, that both ways print the same.
 */
import { hasStackTrace, runCli, runCliProcess } from '../helpers/cli';

test('--help: usage and every command on stdout, exit 0, the same in process (on io.stdout) as through the binary', async () => {
  const [child, inProcess] = await Promise.all([runCliProcess(['--help']), runCli(['--help'])]);
  expect(child).toMatchObject({ exitCode: 0, stderr: '' });
  expect(child.stdout).toMatch(/^idcloud-postman <command> \[options\]/);
  for (const command of ['demo', 'generate', 'run', 'emulator', 'doctor', 'token', 'keygen', 'wrap']) expect(child.stdout).toMatch(new RegExp(`idcloud-postman ${command}\\b`));
  expect(child.stdout).toMatch(/Exit codes: 0 /);
  expect(inProcess).toEqual(child);
});

test('a usage error through the binary: exit 2, one line on stderr, no stack trace; in process the same', async () => {
  const argv = ['generate', '--bogus'];
  const [child, inProcess] = await Promise.all([runCliProcess(argv), runCli(argv)]);
  expect(child.exitCode).toBe(2);
  expect(child.stdout).toBe('');
  expect(child.stderr).toMatch(/^idcloud-postman: [^\n]*--bogus[^\n]*\(see [^\n]*--help\)\n$/);
  expect(hasStackTrace(child.stderr)).toBe(false);
  expect(inProcess).toEqual(child);
});
