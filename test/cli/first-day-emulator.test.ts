/**
 * A customer's first day (issue 20), from keygen to the emulator and from the demo to "import and send": the
 * accounts file keygen writes is what `emulator --accounts` takes; an iss it does not list gets Unico's 1.0.1
 * on the wire and a log line saying why (the demo's side of the first day — its environment file points where
 * `emulator` serves its account — rides on the demo run of test/cli/demo.test.ts). The emulator is the real binary
 * (a long-running process: spawned).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli';
import { serveEmulatorProcess as serve } from './emulator-process';

const { staleReason, STAMP } = require('../../scripts/build-if-stale.js') as { staleReason(root: string): string | undefined; STAMP: string };

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-firstday-emu-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('keygen writes (then adds to) an accounts file the emulator takes as it is; an iss it does not list gets 1.0.1 and a log line saying why', async () => {
  const dir = path.join(tmp, 'keygen');
  const first = await runCli(['keygen', '--name', 'svc', '--out', dir]);
  expect(first.exitCode).toBe(0);
  const accountsFile = path.join(dir, 'accounts.json');
  expect(first.stdout).toContain(`wrote ${accountsFile} (the emulator's accounts file, with the account's API key): idcloud-postman emulator --accounts ${accountsFile}`);
  const second = await runCli(['keygen', '--name', 'ops', '--out', dir]);
  expect(second.stdout).toContain(`added the account to ${accountsFile}`);
  const accounts = JSON.parse(fs.readFileSync(accountsFile, 'utf8')).accounts;
  expect(accounts).toEqual([
    expect.objectContaining({ publicKey: 'svc.pub.pem', status: 'active', apiKey: expect.stringMatching(/^svc-[0-9a-f]{24}$/) }),
    expect.objectContaining({ publicKey: 'ops.pub.pem', status: 'active' }),
  ]);
  expect(fs.statSync(accountsFile).mode & 0o777).toBe(0o600);
  // An account made elsewhere is not in this accounts file.
  const stranger = path.join(tmp, 'stranger');
  expect((await runCli(['keygen', '--name', 'svc', '--out', stranger])).exitCode).toBe(0);

  const emulator = await serve(accountsFile);
  try {
    const env = `local=${emulator.url}`;
    for (const name of ['svc', 'ops']) {
      const token = await runCli(['token', '--env', env, '--payload', path.join(dir, `${name}.payload.json`), '--key', path.join(dir, `${name}.key.pem`)]);
      expect(token).toMatchObject({ exitCode: 0, stderr: '' });
      expect(token.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    }
    const refused = await runCli(['token', '--env', env, '--payload', path.join(stranger, 'svc.payload.json'), '--key', path.join(stranger, 'svc.key.pem')]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/1\.0\.1/);
    // The log line is written as the answer goes out: it may reach the pipe just after the client is done.
    const logged = /^POST \/oauth2\/token 401 1\.0\.1 \(iss not in the accounts file: no account of its tenant\)$/m;
    for (let i = 0; i < 100 && !logged.test(emulator.log()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(emulator.log()).toMatch(logged);
  } finally {
    await emulator.stop();
  }
}, 180_000);

test('npm run demo builds only when a source is newer than the last whole build', () => {
  const root = path.join(tmp, 'repo');
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'a.ts'), 'export {};\n');
  expect(staleReason(root)).toBe('no complete build in dist/');
  fs.writeFileSync(path.join(root, STAMP), 'built\n');
  const past = new Date(Date.now() - 60_000);
  fs.utimesSync(path.join(root, 'src', 'a.ts'), past, past);
  fs.utimesSync(path.join(root, 'src'), past, past);
  expect(staleReason(root)).toBeUndefined();
  fs.writeFileSync(path.join(root, 'src', 'a.ts'), 'export const changed = 1;\n');
  expect(staleReason(root)).toBe('src changed since the last build');
});
