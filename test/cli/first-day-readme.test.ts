/**
 * A customer's first day (issue 20): README.md reads first what a user needs, and its day-one path works as
 * written — the commands copied from README's first screen, run through the real CLI (the emulator as the
 * process it is), with `out/` moved to a temp folder and the emulator on a free port instead of 8780.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli';
import { startEmulatorProcess } from './emulator-process';

const README = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
/** What fits a terminal before any scrolling. */
const FIRST_SCREEN = README.split('\n').slice(0, 30).join('\n');

/** The `npx idcloud-postman …` lines of README's first screen, as argument lists. */
function dayOneCommands(): string[][] {
  return FIRST_SCREEN.split('\n')
    .filter((line) => line.startsWith('npx idcloud-postman '))
    .map((line) => line.replace(/\s+#.*$/, '').split(/\s+/).slice(2));
}

test('the first screen carries the two commands and the day-one path, in order: keygen, emulator, generate, run, import', () => {
  expect(FIRST_SCREEN).toContain('npm ci && npm run demo');
  expect(FIRST_SCREEN).toContain('npm test');
  const steps = ['idcloud-postman keygen', 'idcloud-postman emulator', 'idcloud-postman generate', 'idcloud-postman run', '**import**'].map((s) => FIRST_SCREEN.indexOf(s));
  expect(steps.every((at) => at > 0)).toBe(true);
  expect([...steps].sort((a, b) => a - b)).toEqual(steps);
});

test('every newman line runs on a fresh clone (npx newman: Newman is a dependency, not a global)', () => {
  const bare = README.split('\n').filter((line) => /\bnewman run\b/.test(line.replace(/npx newman run|gives `newman run`/g, '')));
  expect(bare).toEqual([]);
});

test("the day-one path works as written: keygen, emulator, generate, run; the generated files send with the key", async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-readme-'));
  const commands = dayOneCommands();
  expect(commands.map((c) => c[0])).toEqual(['keygen', 'emulator', 'generate', 'run']);
  const inTmp = (args: string[]) => args.map((a) => a.replace(/^out\//, `${tmp}/out/`));
  const [keygen, serve, generate, run] = commands.map(inTmp);
  try {
    expect((await runCli(keygen)).exitCode).toBe(0);
    // The accounts file keygen wrote is the one the emulator reads.
    const emulator = await startEmulatorProcess([...serve, '--port', '0']);
    try {
      const url = emulator.url;
      const port = (args: string[]) => args.map((a) => a.replace('http://127.0.0.1:8780', url));
      const generated = await runCli(port(generate));
      expect(generated.exitCode).toBe(0);
      expect(fs.readdirSync(path.join(tmp, 'out', 'local')).sort()).toEqual(['idcloud-local.postman_environment.json', 'idcloud.postman_collection.json']);
      const ran = await runCli(port(run), { env: { CI: 'true' }, timeoutMs: 240_000 });
      expect(ran.stderr).toBe('');
      expect(ran.exitCode).toBe(0);
      expect(ran.stdout).toMatch(/^verdict: all passed \(exit 0\)$/m);
    } finally {
      await emulator.stop();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}, 300_000);
