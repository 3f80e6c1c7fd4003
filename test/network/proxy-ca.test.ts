/**
 * Corporate networks (cli-contract.md "Inputs": proxies, --ca-cert): the CLI against the real emulator behind a
 * real forward proxy (npm `proxy`, with and without Basic credentials) whose host names only the proxy resolves,
 * and behind a TLS front whose certificate comes from a CA made at test time, reached through the proxy's CONNECT.
 * The environment's URL is the proxy-only name; its audience is the emulator's own URL (a gateway keeps aud).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RunningEmulator } from '../../src/emulator';
import { startTestEmulator } from '../helpers/emulator';
import { hasStackTrace, runCli, runCliProcess } from '../helpers/cli';
import { TEST_ISS, testKeyPair } from '../helpers/keys';
import { ForwardProxy, makeTestCa, startForwardProxy, startTlsFront, TestCa, TlsFront } from './support';

const PROXY_SECRET = 'pr0xy-s3cret-9f2c';
let emulator: RunningEmulator;
let open: ForwardProxy;
let guarded: ForwardProxy;
let ca: TestCa;
let front: TlsFront;
let keyFile: string;
let config: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  [open, guarded] = await Promise.all([startForwardProxy(), startForwardProxy(`corp:${PROXY_SECRET}`)]);
  ca = makeTestCa();
  front = await startTlsFront(ca, emulator.url);
  keyFile = path.join(ca.dir, 'svc.key.pem');
  fs.writeFileSync(keyFile, testKeyPair().pkcs8Pem, { mode: 0o600 });
  config = path.join(ca.dir, 'idcloud.json');
  fs.writeFileSync(config, JSON.stringify({
    iss: TEST_ISS,
    key: 'svc.key.pem',
    environments: {
      corp: { identityUrl: `http://emu.idcloud.test:${emulator.port}`, audience: emulator.url },
      tls: { identityUrl: `https://tls.idcloud.test:${front.port}`, audience: emulator.url },
    },
  }));
}, 60_000);
afterAll(async () => {
  open?.close();
  guarded?.close();
  await Promise.all([front?.close(), emulator?.close()]);
  ca?.cleanup();
});

const viaProxy = (proxy: ForwardProxy, credentials = '') => ({ HTTPS_PROXY: `http://${credentials}127.0.0.1:${proxy.port}`, HTTP_PROXY: `http://${credentials}127.0.0.1:${proxy.port}` });

test('token: a host only the proxy resolves is reached through HTTP_PROXY; without it, exit 3; NO_PROXY sends it direct', async () => {
  const through = await runCli(['token', '--config', config, '--env', 'corp'], { env: viaProxy(open) });
  expect(through.stderr).toBe('');
  expect(through.exitCode).toBe(0);
  expect(through.stdout).toMatch(/^eyJ/);
  const direct = await runCli(['token', '--config', config, '--env', 'corp']);
  expect(direct.exitCode).toBe(3);
  expect(direct.stderr).toMatch(/host not found \(DNS\)/);
  const bypassed = await runCli(['token', '--config', config, '--env', 'corp'], { env: { ...viaProxy(open), no_proxy: '.idcloud.test' } });
  expect(bypassed.exitCode).toBe(3);
}, 60_000);

test('a proxy that wants credentials: with them in the URL the exchange passes; without or wrong, exit 3 naming the proxy, never the password', async () => {
  const ok = await runCli(['token', '--config', config, '--env', 'corp'], { env: viaProxy(guarded, `corp:${PROXY_SECRET}@`) });
  expect(ok.stderr).toBe('');
  expect(ok.exitCode).toBe(0);
  const none = await runCli(['token', '--config', config, '--env', 'corp'], { env: viaProxy(guarded) });
  expect(none.exitCode).toBe(3);
  expect(none.stderr).toMatch(new RegExp(`proxy http://127\\.0\\.0\\.1:${guarded.port} asks for credentials \\(HTTP 407`));
  const wrong = await runCli(['doctor', '--online', '--config', config, '--env', 'corp'], { env: viaProxy(guarded, `corp:${PROXY_SECRET}x@`) });
  expect(wrong.exitCode).toBe(3);
  expect(wrong.stdout).toMatch(new RegExp(`proxy http://127\\.0\\.0\\.1:${guarded.port} refused its credentials \\(HTTP 407`));
  for (const r of [none, wrong]) {
    expect(r.stdout + r.stderr).not.toContain(PROXY_SECRET);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  }
}, 60_000);

test('run: the preflight and every Newman request go through the proxy (with credentials); a refusing proxy is exit 3 with one line', async () => {
  const passed = await runCli(['run', '--config', config, '--env', 'corp', '--suite', 'smoke', '--reporters', 'cli'], { env: viaProxy(guarded, `corp:${PROXY_SECRET}@`), timeoutMs: 90_000 });
  expect(passed.stderr).toBe('');
  expect(passed.exitCode).toBe(0);
  expect(passed.stdout).not.toContain(PROXY_SECRET);
  const refused = await runCli(['run', '--config', config, '--env', 'corp', '--suite', 'smoke'], { env: viaProxy(guarded), timeoutMs: 60_000 });
  expect(refused.exitCode).toBe(3);
  expect(refused.stderr).toMatch(new RegExp(`^idcloud-postman: corp: http://emu\\.idcloud\\.test:${emulator.port} is unreachable: proxy http://127\\.0\\.0\\.1:${guarded.port} asks for credentials`));
}, 120_000);

test('a private CA through the proxy\'s CONNECT: untrusted is exit 3 naming the problem and --ca-cert; with --ca-cert (or config caCert) it passes', async () => {
  const untrusted = await runCli(['token', '--config', config, '--env', 'tls'], { env: viaProxy(open) });
  expect(untrusted.exitCode).toBe(3);
  expect(untrusted.stderr).toMatch(/certificate is not trusted \[[A-Z_]+\]: .*--ca-cert FILE/);
  expect(untrusted.stderr.trim().split('\n')).toHaveLength(1);
  const trusted = await runCli(['token', '--config', config, '--env', 'tls', '--ca-cert', ca.caFile], { env: viaProxy(open) });
  expect(trusted.stderr).toBe('');
  expect(trusted.exitCode).toBe(0);
  // Through the binary (a child process, the proxy in its own environment): Newman's HTTP client, which would
  // read HTTPS_PROXY by its own rules and tunnel without --ca-cert, gets the proxy only through the CLI.
  const run = await runCliProcess(['run', '--config', config, '--env', 'tls', '--ca-cert', ca.caFile, '--suite', 'smoke', '--reporters', 'cli'], { env: viaProxy(open), timeoutMs: 90_000 });
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
}, 150_000);

test('bad input: an unparsable proxy URL and a --ca-cert that is not PEM are exit 2, one line naming the variable or option', async () => {
  const proxy = await runCli(['token', '--config', config, '--env', 'corp'], { env: { https_proxy: 'http://corp:pw@[::1' } });
  expect(proxy.exitCode).toBe(2);
  expect(proxy.stderr).toBe('idcloud-postman: https_proxy: not a proxy URL (http://[::1); give http://[user:password@]host:port\n');
  const notPem = path.join(ca.dir, 'ca.der');
  fs.writeFileSync(notPem, Buffer.from([0x30, 0x82, 0x01, 0x0a]));
  const cert = await runCli(['run', '--config', config, '--env', 'corp', '--ca-cert', notPem]);
  expect(cert.exitCode).toBe(2);
  expect(cert.stderr).toMatch(/^idcloud-postman: --ca-cert: .*ca\.der holds no PEM certificate/);
  expect(cert.stderr.trim().split('\n')).toHaveLength(1);
}, 60_000);
