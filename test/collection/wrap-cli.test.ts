/**
 * `idcloud-postman wrap` as users run it (the built CLI in a child process): the files it writes, what it
 * prints, its input left byte for byte, and each bad input as exit 2 with one line naming the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasStackTrace, runCli, runCliProcess } from '../helpers/cli';
import { TEST_ISS } from '../helpers/keys';
import { standInFile, STAND_INS } from './wrap-support';

// One folder for the file (tests run concurrently); each test works in its own subfolder of it.
let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-wrap-cli-'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const folder = (): string => fs.mkdtempSync(path.join(root, 't-'));

function expectOneLineError(result: { exitCode: number | null; stderr: string; stdout: string }, pattern: RegExp): void {
  expect(result.exitCode).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(hasStackTrace(result.stderr)).toBe(false);
  expect(result.stdout).toBe('');
}

function write(name: string, text: string, dir = folder()): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

test.concurrent('wraps each stand-in: DIR/<its name> and one environment file per --env, input unchanged, idempotent through the CLI', async () => {
  const dir = folder();
  await Promise.all(
    STAND_INS.map(async (name) => {
      const input = standInFile(name);
      const before = fs.readFileSync(input);
      const out = path.join(dir, name);
      const result = await runCli(['wrap', input, '--out', out, '--env', 'uat', '--env', 'production', '--iss', TEST_ISS]);
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      const base = path.basename(input);
      expect(fs.readdirSync(out).sort()).toEqual([base, 'idcloud-production.postman_environment.json', 'idcloud-uat.postman_environment.json'].sort());
      expect(result.stdout).toContain(`wrote ${path.join(out, base)}`);
      expect(result.stdout).toMatch(/wrapped: \d+ requests? inherit the auth layer/);
      expect(fs.readFileSync(input).equals(before)).toBe(true);
      const env = JSON.parse(fs.readFileSync(path.join(out, 'idcloud-uat.postman_environment.json'), 'utf8'));
      expect(env.values.find((v: { key: string }) => v.key === 'iss').value).toBe(TEST_ISS);
      expect(fs.statSync(path.join(out, 'idcloud-uat.postman_environment.json')).mode & 0o077).toBe(0);

      // Its own output, wrapped again elsewhere: the same bytes, and it says nothing changed.
      const again = await runCli(['wrap', path.join(out, base), '--out', path.join(out, 'again'), '--env', 'uat', '--iss', TEST_ISS]);
      expect(again.exitCode).toBe(0);
      expect(again.stdout).toMatch(/already wrapped with the current auth layer, nothing changed/);
      expect(fs.readFileSync(path.join(out, 'again', base), 'utf8')).toBe(fs.readFileSync(path.join(out, base), 'utf8'));
    }),
  );
});

test.concurrent('prints what it did: hosts mapped, headers folded, the signer removed, requests left alone and why', async () => {
  const dir = folder();
  const mixed = write(
    'mine.postman_collection.json',
    JSON.stringify({
      info: { name: 'mine', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        { name: 'create', request: { method: 'POST', header: [{ key: 'APIKEY', value: '{{apikey}}' }], url: 'https://api.id.uat.unico.app/processes/v1' } },
        { name: 'elsewhere', request: { method: 'GET', url: 'https://api.example.com/x' } },
        { name: 'basic', request: { method: 'GET', auth: { type: 'basic', basic: [{ key: 'username', value: 'u' }] }, url: 'https://api.id.uat.unico.app/processes/v1/1' } },
      ],
    }),
  );
  const [mine, auth] = await Promise.all([
    runCli(['wrap', mixed, '--out', path.join(dir, 'a'), '--env', 'uat', '--iss', TEST_ISS]),
    runCli(['wrap', standInFile('authentication'), '--out', path.join(dir, 'b'), '--env', 'uat', '--iss', TEST_ISS]),
  ]);
  expect(mine.exitCode).toBe(0);
  expect(mine.stdout).toMatch(/wrapped: 1 request inherit/);
  expect(mine.stdout).toMatch(/hosts mapped: 2 \(api\.id\.uat\.unico\.app → \{\{client_api_url\}\} ×2\)/);
  expect(mine.stdout).toMatch(/folded into the layer: APIKEY: \{\{apikey\}\} header/);
  expect(mine.stdout).toMatch(/"elsewhere": other origin, no token sent \(https:\/\/api\.example\.com\)/);
  expect(mine.stdout).toMatch(/"basic": auth of its own \(basic\)/);
  expect(auth.exitCode).toBe(0);
  expect(auth.stdout).toMatch(/Collection v2\.0\.0, written as v2\.1\.0/);
  expect(auth.stdout).toMatch(/signer removed: collection variable jsrsasign-js/);
  expect(auth.stdout).toMatch(/variable base_path → \{\{identity_url\}\}/);
  expect(auth.stdout).toMatch(/token exchange signed by the layer: "JWT Bearer Grant"/);
});

describe('bad input: exit 2, one line naming the file, nothing written', () => {
  const args = (input: string, out: string) => ['wrap', input, '--out', out, '--env', 'uat', '--iss', TEST_ISS];

  test.concurrent.each([
    ['a missing file', () => path.join(os.tmpdir(), 'idcloud-no-such-dir', 'missing.json'), /missing\.json: no such file/],
    ['not JSON', () => write('broken.json', '{"info": '), /broken\.json: not JSON/],
    ['JSON that is not a collection', () => write('other.json', '{"hello": "world"}'), /other\.json: not a Postman collection/],
    ['an environment file', () => write('env.json', '{"name":"e","values":[],"_postman_variable_scope":"environment"}'), /env\.json: this is a Postman environment/],
    ['Collection v1', () => write('v1.json', JSON.stringify({ id: 'c', name: 'old', order: ['r'], requests: [{ id: 'r', url: 'https://x', method: 'GET' }] })), /v1\.json: Collection v1 format is not supported; .*export it as Collection v2\.1/],
    ['no requests at all', () => write('empty.json', JSON.stringify({ info: { name: 'e', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: [{ name: 'folder', item: [] }] })), /empty\.json: the collection has no requests/],
  ])('%s', async (_label, input, pattern) => {
    const file = input();
    const out = path.join(root, `out-${path.basename(file)}`);
    expectOneLineError(await runCli(args(file, out)), pattern);
    expect(fs.existsSync(out)).toBe(false);
  });

  test.concurrent('--out naming the input directory: refused, the input untouched', async () => {
    const dir = folder();
    const input = path.join(dir, 'web-sdk.postman_collection.json');
    fs.copyFileSync(standInFile('web-sdk'), input);
    const before = fs.readFileSync(input);
    expectOneLineError(await runCli(args(input, dir)), /--out: .*web-sdk\.postman_collection\.json is the input .*never writes over its input/);
    // Through a symlinked directory too.
    fs.symlinkSync(dir, path.join(dir, 'link'));
    expectOneLineError(await runCli(args(input, path.join(dir, 'link'))), /never writes over its input/);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['link', 'web-sdk.postman_collection.json']);
  });

  test.concurrent('a failed wrap leaves an earlier good output as it was', async () => {
    const dir = folder();
    const out = path.join(dir, 'out');
    const input = path.join(dir, 'in', 'mine.postman_collection.json');
    fs.mkdirSync(path.dirname(input));
    fs.copyFileSync(standInFile('by-client'), input);
    expect((await runCli(args(input, out))).exitCode).toBe(0);
    const good = fs.readFileSync(path.join(out, 'mine.postman_collection.json'));
    fs.writeFileSync(input, '{"info": {"name": "x"}, "item": []}');
    expectOneLineError(await runCli(args(input, out)), /no requests/);
    expect(fs.readFileSync(path.join(out, 'mine.postman_collection.json')).equals(good)).toBe(true);
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test.concurrent.each([
    ['no collection', ['wrap', '--out', 'x', '--env', 'uat', '--iss', TEST_ISS], /collection|arguments/i],
    ['no --out', ['wrap', 'in.json', '--env', 'uat', '--iss', TEST_ISS], /--out/],
    ['no --env', ['wrap', 'in.json', '--out', 'x', '--iss', TEST_ISS], /--env/],
    ['neither --payload nor --iss', ['wrap', 'in.json', '--out', 'x', '--env', 'uat'], /iss|payload/i],
  ])('usage: %s', async (_label, argv, pattern) => {
    expectOneLineError(await runCliProcess(argv, { cwd: folder() }), pattern);
  });
});
