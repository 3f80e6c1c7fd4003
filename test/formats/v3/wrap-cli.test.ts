/**
 * `wrap` with Collection format v3 (the built CLI in a child process): a v2.1 stand-in wrapped straight into a
 * repository's postman/ folder (`--format v3`), that directory wrapped again (v3 in, v3 out by default) without a
 * byte changing, a v3 directory wrapped into v2.1 JSON, and the input never written over or into.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasStackTrace, runCli } from '../../helpers/cli';
import { fileTree } from '../../helpers/file-tree';
import { TEST_ISS } from '../../helpers/keys';
import { standInFile, STAND_INS } from '../../collection/wrap-support';

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-wrap-v3-'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const wrap = (input: string, out: string, ...extra: string[]) => runCli(['wrap', input, '--out', out, '--env', 'uat', '--iss', TEST_ISS, ...extra]);

test.concurrent.each(STAND_INS)('%s: v2.1 → --format v3 → wrapped again as v3: the same bytes, "nothing changed", the input untouched', async (name) => {
  const first = path.join(root, `${name}-first`);
  const result = await wrap(standInFile(name), first, '--format', 'v3');
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  const [collectionDir] = fs.readdirSync(path.join(first, 'postman', 'collections'));
  const input = path.join(first, 'postman', 'collections', collectionDir);
  expect(result.stdout).toContain(`wrote ${input}\n`);
  expect(result.stdout).toContain(`wrote ${path.join(first, 'postman', 'environments', 'idcloud-uat.environment.yaml')}\n`);
  const before = fileTree(first);

  const second = path.join(root, `${name}-second`);
  const again = await wrap(input, second);
  expect(again.stderr).toBe('');
  expect(again.exitCode).toBe(0);
  expect(again.stdout).toMatch(/already wrapped with the current auth layer, nothing changed/);
  expect(fileTree(second)).toEqual(before);
  expect(fileTree(first)).toEqual(before);

  // Back to v2.1 JSON: a file named after the collection, with the layer.
  const json = path.join(root, `${name}-json`);
  const back = await wrap(input, json, '--format', 'v2.1');
  expect(back.exitCode).toBe(0);
  const file = path.join(json, `${collectionDir}.postman_collection.json`);
  expect(JSON.parse(fs.readFileSync(file, 'utf8')).auth).toEqual({ type: 'bearer', bearer: [{ key: 'token', value: '{{idcloud_access_token}}', type: 'string' }] });
  expect(fs.readdirSync(json).sort()).toEqual([`${collectionDir}.postman_collection.json`, 'idcloud-uat.postman_environment.json'].sort());
});

test.concurrent('a v3 input is never written over or into (exit 2, one line), and a broken one names its file', async () => {
  const first = path.join(root, 'self');
  expect((await wrap(standInFile('by-client'), first, '--format', 'v3')).exitCode).toBe(0);
  const [collectionDir] = fs.readdirSync(path.join(first, 'postman', 'collections'));
  const input = path.join(first, 'postman', 'collections', collectionDir);
  const before = fileTree(first);
  for (const out of [first, input]) {
    const r = await wrap(input, out);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/wrap never writes (over|into) its input/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  }
  expect(fileTree(first)).toEqual(before);
  const request = path.join(input, 'Get process.request.yaml');
  fs.writeFileSync(request, `${fs.readFileSync(request, 'utf8').replace(/^scripts:\n(?:  .*\n)*/m, '')}scripts:\n  - type: http:afterResponse\n    code: x\n`);
  const r = await wrap(input, path.join(root, 'broken'));
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toContain(`${request}: scripts[0].type http:afterResponse: a request file takes script types without a prefix`);
  expect(fs.existsSync(path.join(root, 'broken'))).toBe(false);
});
