/**
 * A customer's first day (issue 20): mistakes on the command line are caught as bad input and say what to type
 * instead; `--help` marks what is required and shows an example; wrap's and Unico's words mean something.
 * The real CLI, as a user runs it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasStackTrace, runCli } from '../helpers/cli';
import { TEST_ISS } from '../helpers/keys';
import { makeCorpus } from '../credentials/corpus';
import { UNICO_ERRORS } from '../../src/idcloud/errors';

const corpus = makeCorpus();
const creds = ['--iss', TEST_ISS, '--key', corpus.goodKey];

/** Exit 2, one line, no stack trace, matching every pattern; the line. */
function badInput(result: { exitCode: number | null; stderr: string; stdout: string }, ...patterns: RegExp[]): string {
  expect(result.exitCode).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  for (const pattern of patterns) expect(lines[0]).toMatch(pattern);
  expect(hasStackTrace(result.stderr)).toBe(false);
  return lines[0];
}

describe('a mistyped command line gets "did you mean", and "see --help" once', () => {
  test.concurrent.each<[string[], RegExp[]]>([
    [['runn'], [/unknown command "runn"; did you mean run\?/, /\(see --help\)$/]],
    [['genrate', '--out', 'x'], [/unknown command "genrate"; did you mean generate\?/]],
    [['xyz'], [/unknown command "xyz"; the commands are demo, generate, run/]],
    [['run', '--payld', 'p.json'], [/unknown option --payld for run; did you mean --payload\?/, /\(see run --help\)$/]],
    [['demo', '--flaws', 'x'], [/did you mean --flaw\?/]],
    [[], [/^idcloud-postman: name a command: demo, generate, run, emulator, doctor, token, keygen, wrap \(see --help\)$/]],
    [['emulator'], [/missing --accounts \(see emulator --help\)/]],
    [['wrap'], [/wrap needs <collection> \(see wrap --help\)$/]],
  ])('%j', async (args, patterns) => {
    const line = badInput(await runCli(args), ...patterns);
    expect(line.match(/--help/g)).toHaveLength(1);
  });

  test.concurrent('-h is --help, for the tool and for each command', async () => {
    const [h, help, runH, runHelp] = await Promise.all([runCli(['-h']), runCli(['--help']), runCli(['run', '-h']), runCli(['run', '--help'])]);
    expect(h.exitCode).toBe(0);
    expect(h.stdout).toBe(help.stdout);
    expect(runH.stdout).toBe(runHelp.stdout);
    expect(runH.stdout).toContain('idcloud-postman run');
  });
});

describe('--env mistakes are bad input that names the fix, before anything is sent', () => {
  test.concurrent('the token URL pasted as the base URL', async () => {
    badInput(
      await runCli(['run', '--env', 'local=http://127.0.0.1:8780/oauth2/token', ...creds]),
      /--env local: "http:\/\/127\.0\.0\.1:8780\/oauth2\/token" is the token URL; give the base URL without \/oauth2\/token: --env local=http:\/\/127\.0\.0\.1:8780$/,
    );
  });

  test.concurrent.each(['127.0.0.1:8780', 'localhost:8780'])('no scheme (%s): one wording, saying to add http://', async (url) => {
    for (const command of ['run', 'doctor', 'generate']) {
      badInput(
        await runCli([command, '--env', `local=${url}`, ...creds, ...(command === 'generate' ? ['--out', os.tmpdir()] : [])]),
        new RegExp(`--env local: "${url}" has no http:// or https://; give --env local=http://${url} `),
      );
    }
  });

  test.concurrent('an unknown environment close to a known one', async () => {
    const line = badInput(await runCli(['run', '--env', 'uta', ...creds]), /--env: unknown environment "uta"; did you mean uat\?/);
    expect(line).not.toMatch(/identityUrl/);
  });
});

test.concurrent('run with nothing names every missing input at once', async () => {
  badInput(await runCli(['run']), /--env: name at least one environment/, /no payload: give --payload FILE .* or --iss ISS/, /no private key: give --key FILE/);
});

describe('--help guides', () => {
  const required: Record<string, string[]> = {
    run: ['--env', '--payload', '--iss', '--key'],
    token: ['--env', '--payload', '--iss', '--key'],
    generate: ['--out', '--env', '--payload', '--iss'],
    wrap: ['--out', '--env', '--payload', '--iss'],
    doctor: ['--payload', '--iss', '--key'],
  };
  test.concurrent.each(['demo', 'generate', 'run', 'emulator', 'doctor', 'token', 'keygen', 'wrap'])('%s: required options marked, one example', async (command) => {
    const { stdout, exitCode } = await runCli([command, '--help']);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/\nExamples:\n {2}\S/);
    const needed = required[command];
    if (needed) {
      const section = stdout.slice(stdout.indexOf('Required'), stdout.indexOf('Options:'));
      for (const flag of needed) expect(section).toContain(flag);
    } else if (command !== 'demo') {
      expect(stdout).toContain('[required]');
    }
  });

  test.concurrent('token --env takes exactly one; wrap does not offer --key', async () => {
    const [token, wrap] = await Promise.all([runCli(['token', '--help']), runCli(['wrap', '--help'])]);
    const envLine = token.stdout.split('\n').find((l) => l.trim().startsWith('--env')) ?? '';
    expect(envLine).toContain('the one environment');
    expect(envLine).not.toMatch(/repeatable|\[array\]/);
    expect(wrap.stdout).not.toMatch(/--key\b/);
  });
});

describe('words', () => {
  test.concurrent('wrap of a generated collection says it was already wrapped, not "0 requests inherit"', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-firstday-'));
    try {
      const collection = path.resolve(__dirname, '../../collections/idcloud.postman_collection.json');
      const result = await runCli(['wrap', collection, '--out', out, '--env', 'uat', '--iss', TEST_ISS]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/\d+ requests; already wrapped/);
      expect(result.stdout).not.toMatch(/0 requests inherit|placeholder token/);
      expect(result.stdout).toContain('collection auth: the auth layer, already there');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test("1.2.21's cause speaks to a customer", () => {
    expect(UNICO_ERRORS['1.2.21'].cause).not.toMatch(/docs/);
  });
});

describe('doctor says what it could not check; a payload for the other environment is warned about everywhere', () => {
  test.concurrent('offline doctor: every check ok, and a line that the key was not matched to the account', async () => {
    const result = await runCli(['doctor', '--payload', corpus.goodPayload, '--key', corpus.goodKey, '--env', 'uat']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^skip +account +the key was not matched to .*: add --online --env ENV \(one exchange\) or --cert FILE/m);
    expect(result.stdout).not.toMatch(/credentials look right offline/);
    const withCert = await runCli(['doctor', '--payload', corpus.goodPayload, '--key', corpus.goodKey, '--env', 'uat', '--cert', corpus.goodPublicKey]);
    expect(withCert.stdout).not.toMatch(/^skip +account/m);
  });

  test.concurrent('a production aud with another --env: generate, token and run warn, as doctor does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-firstday-aud-'));
    try {
      const payload = path.join(dir, 'prod.payload.json');
      fs.writeFileSync(payload, JSON.stringify({ iss: TEST_ISS, aud: 'https://identity.acesso.io', scope: '*' }));
      const warning = /^idcloud-postman: warning: .*prod\.payload\.json: aud "https:\/\/identity\.acesso\.io" is production's identity host; --env uat expects/m;
      const generate = await runCli(['generate', '--out', path.join(dir, 'out'), '--env', 'uat', '--payload', payload]);
      expect(generate.exitCode).toBe(0);
      expect(generate.stderr).toMatch(warning);
      // An environment named uat on a closed loopback port: nothing is sent anywhere real; the warning comes first.
      const closed = 'uat=http://127.0.0.1:1';
      for (const command of ['token', 'run']) {
        const result = await runCli([command, '--env', closed, '--payload', payload, '--key', corpus.goodKey, '--timeout', '2']);
        expect(result.exitCode).toBe(3);
        expect(result.stderr).toMatch(warning);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
