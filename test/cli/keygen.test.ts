import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPayload, loadPrivateKey } from '../../src/credentials';
import { hasStackTrace, runCli } from '../helpers/cli';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-keygen-cli-'));

describe('keygen through the CLI', () => {
  test('writes NAME.key.pem (0600), NAME.payload.json and NAME.pub.pem that belong together; doctor accepts them', async () => {
    const dir = path.join(tmp(), 'accounts');
    const result = await runCli(['keygen', '--name', 'svc', '--out', dir, '--tenant', 'tenant-1']);
    expect(result.exitCode).toBe(0);
    const keyFile = path.join(dir, 'svc.key.pem');
    expect(result.stdout).toContain(`wrote ${keyFile} (private key, mode 0600: keep it secret)`);
    expect(result.stdout).toContain('(iss svc@tenant-1.iam.acesso.io)');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = loadPrivateKey({ file: keyFile });
    expect(key).toMatchObject({ format: 'pkcs8', bits: 2048 });
    expect(loadPayload({ file: path.join(dir, 'svc.payload.json') })).toMatchObject({ iss: 'svc@tenant-1.iam.acesso.io', account: 'svc' });
    const publicPem = fs.readFileSync(path.join(dir, 'svc.pub.pem'), 'utf8');
    expect(createPublicKey(key.keyObject).export({ format: 'pem', type: 'spki' })).toBe(publicPem);
    // The key never reaches the console.
    for (const line of key.pem.split('\n').slice(1, -1)) expect(result.stdout + result.stderr).not.toContain(line);
    const check = await runCli(['doctor', '--payload', path.join(dir, 'svc.payload.json'), '--key', keyFile, '--cert', path.join(dir, 'svc.pub.pem')]);
    expect(check.exitCode).toBe(0);
  });

  test('a long --name falls back to the default account; --account, --bits and --aud are honoured', async () => {
    const dir = tmp();
    expect((await runCli(['keygen', '--name', 'a-very-long-name', '--out', dir])).exitCode).toBe(0);
    expect(loadPayload({ file: path.join(dir, 'a-very-long-name.payload.json') }).account).toBe('svcaccount');
    const result = await runCli(['keygen', '--name', 'big', '--out', dir, '--account', 'ops', '--bits', '3072', '--aud', 'http://127.0.0.1:9']);
    expect(result.exitCode).toBe(0);
    expect(loadPrivateKey({ file: path.join(dir, 'big.key.pem') }).bits).toBe(3072);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'big.payload.json'), 'utf8'))).toMatchObject({ iss: expect.stringMatching(/^ops@/), aud: 'http://127.0.0.1:9', scope: '*' });
  });

  test('refuses to overwrite (exit 2, nothing changed); --force replaces', async () => {
    const dir = tmp();
    await runCli(['keygen', '--name', 'svc', '--out', dir]);
    const before = fs.readFileSync(path.join(dir, 'svc.key.pem'), 'utf8');
    const refused = await runCli(['keygen', '--name', 'svc', '--out', dir]);
    expect(refused).toMatchObject({ exitCode: 2, stdout: '' });
    expect(refused.stderr).toBe(`idcloud-postman: ${path.join(dir, 'svc.key.pem')} already exists; pick another --name or --out, or pass --force to replace it\n`);
    expect(fs.readFileSync(path.join(dir, 'svc.key.pem'), 'utf8')).toBe(before);
    const forced = await runCli(['keygen', '--name', 'svc', '--out', dir, '--force']);
    expect(forced.exitCode).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'svc.key.pem'), 'utf8')).not.toBe(before);
  });

  test('a usage error (unknown flag) exits 2 and writes nothing', async () => {
    const dir = tmp();
    const result = await runCli(['keygen', '--name', 'svc', '--out', dir, '--bogus']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('idcloud-postman: unknown option --bogus for keygen (see keygen --help)\n');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test.each([
    [['--name', 'svc', '--bits', '1024'], /--bits 1024: use a multiple of 8 from 2048 to 8192/],
    [['--name', 'svc', '--account', 'thirteenchars'], /--account "thirteenchars": use 1 to 12 letters/],
    [['--name', '../up'], /--name "\.\.\/up": use letters, digits/],
    [[], /missing --name/],
  ])('bad input %j: exit 2, one line', async (args, message) => {
    const result = await runCli(['keygen', '--out', tmp(), ...args]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});
