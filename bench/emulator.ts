/**
 * Emulator load: token exchanges per second and p50/p99 latency at 1 and 50 concurrent clients on loopback,
 * with 0 errors expected. The emulator runs as users run it — `idcloud-postman emulator` in its own process
 * (rate limit off, quiet) — so the load client does not share its event loop. Every assertion is pre-signed
 * with node:crypto before timing starts, each one distinct (RS256 is deterministic: equal claims would be a
 * replay), so the figures measure the emulator: jose verification, replay check, access-token signing.
 * Bounded: a fixed number of exchanges per phase (about 10 s in all on a shared 2-core machine).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { JWT_BEARER_GRANT_TYPE } from '../src/idcloud/hosts';

const ISS = 'svcbench@0a1b2c3d-0000-4000-8000-000000000001.iam.acesso.io';
const WARM_UP = 100;
const PHASES = [
  { clients: 1, exchanges: 500 },
  { clients: 50, exchanges: 2000 },
] as const;

interface PhaseResult {
  clients: number;
  exchanges: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export async function run(): Promise<void> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-emulator-'));
  const accountsFile = path.join(dir, 'accounts.json');
  fs.writeFileSync(accountsFile, JSON.stringify({ accounts: [{ iss: ISS, publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString() }] }));
  const { child, url } = await startCliEmulator(accountsFile);
  try {
    const total = WARM_UP + PHASES.reduce((sum, phase) => sum + phase.exchanges, 0);
    const signStart = process.hrtime.bigint();
    const bodies = presignBodies(privateKey, url, total);
    const signMs = Number(process.hrtime.bigint() - signStart) / 1e6;
    console.log(`pre-signed ${total} distinct assertions with node:crypto in ${signMs.toFixed(0)} ms (not part of the figures)`);

    let next = 0;
    await runPhase(url, 8, bodies.slice(next, (next += WARM_UP)));
    const results: PhaseResult[] = [];
    for (const phase of PHASES) results.push(await runPhase(url, phase.clients, bodies.slice(next, (next += phase.exchanges))));

    console.log('| clients | exchanges | exchanges/s | p50 ms | p99 ms | errors |');
    console.log('|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      console.log(`| ${r.clients} | ${r.exchanges} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} |`);
    }
    const [one, fifty] = results;
    console.log(`throughput at 50 clients / at 1 client: ${(fifty.perSecond / one.perSecond).toFixed(2)}x; p99/p50 at 50 clients: ${(fifty.p99 / fifty.p50).toFixed(2)}x`);
    if (results.some((r) => r.errors > 0)) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function startCliEmulator(accountsFile: string): Promise<{ child: ChildProcess; url: string }> {
  const bin = path.resolve(__dirname, '..', 'bin', 'idcloud-postman.js');
  const child = spawn(process.execPath, [bin, 'emulator', '--port', '0', '--rate-limit', '0', '--quiet', '--accounts', accountsFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (\S+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
}

/** Form bodies with distinct valid assertions: same iat, exp shortened by one second per assertion. */
function presignBodies(key: KeyObject, aud: string, count: number): string[] {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = b64({ alg: 'RS256', typ: 'JWT' });
  const iat = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, i) => {
    const input = `${header}.${b64({ iss: ISS, aud, scope: '*', iat, exp: iat + 3600 - i })}`;
    const assertion = `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
    return new URLSearchParams({ grant_type: JWT_BEARER_GRANT_TYPE, assertion }).toString();
  });
}

async function runPhase(url: string, clients: number, bodies: string[]): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  let index = 0;
  const start = process.hrtime.bigint();
  const client = async () => {
    while (index < bodies.length) {
      const body = bodies[index++];
      const sent = process.hrtime.bigint();
      const status = await post(`${url}/oauth2/token`, body, agent).catch(() => 0);
      latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
      if (status !== 200) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { clients, exchanges: bodies.length, perSecond: bodies.length / seconds, p50: at(0.5), p99: at(0.99), errors };
}

function post(url: string, body: string, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}
