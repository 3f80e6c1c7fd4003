/**
 * Real network pieces for the proxy and CA tests: a forward proxy in its own process (forward-proxy.js), a CA and a
 * server certificate made with openssl at test time, and a TLS front for the emulator (an https server that passes
 * every request on to it), all on loopback.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface ForwardProxy {
  port: number;
  close(): void;
}

export function startForwardProxy(credentials?: string): Promise<ForwardProxy> {
  const child = spawn(process.execPath, [path.join(__dirname, 'forward-proxy.js'), ...(credentials ? [credentials] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').once('data', (line: string) => resolve({ port: Number(line.trim()), close: () => child.kill() }));
    child.once('error', reject);
  });
}

export interface TestCa {
  dir: string;
  caFile: string;
  key: string;
  cert: string;
  cleanup(): void;
}

/** A CA and a certificate for `tls.idcloud.test` signed by it (openssl, at test time). */
export function makeTestCa(): TestCa {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-ca-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=idcloud-postman test CA');
  run('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=tls.idcloud.test');
  fs.writeFileSync(path.join(dir, 'ext.cnf'), 'subjectAltName=DNS:tls.idcloud.test\n');
  run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'ext.cnf');
  return {
    dir,
    caFile: path.join(dir, 'ca.pem'),
    key: fs.readFileSync(path.join(dir, 'server.key'), 'utf8'),
    cert: fs.readFileSync(path.join(dir, 'server.pem'), 'utf8'),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TlsFront {
  port: number;
  close(): Promise<void>;
}

/** An https server with the CA's certificate that passes every request on to `target` (the emulator). */
export function startTlsFront(ca: TestCa, target: string): Promise<TlsFront> {
  const server = https.createServer({ key: ca.key, cert: ca.cert }, (req, res) => {
    const forward = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
  })));
}
