/**
 * Emulator load: token exchanges per second and p50/p99 latency at 1 and 50 concurrent clients on loopback,
 * with 0 errors expected; then the product API (one access token, reused as a client would): CreateProcess
 * with a valid body (validation, CPF check, store) and GetProcess of the created ids, at 1 and 50 clients. The emulator runs as users run it — `idcloud-postman emulator` in its own process
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
  /** Requests sent in the phase. */
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
    const total = WARM_UP + PHASES.reduce((sum, phase) => sum + phase.exchanges, 0) + 1; // + the product phases' token
    const signStart = process.hrtime.bigint();
    const bodies = presignBodies(privateKey, url, total);
    const signMs = Number(process.hrtime.bigint() - signStart) / 1e6;
    console.log(`pre-signed ${total} distinct assertions with node:crypto in ${signMs.toFixed(0)} ms (not part of the figures)`);

    let next = 0;
    const exchangeAt = (i: number, agent: http.Agent) => send(agent, 'POST', `${url}/oauth2/token`, FORM, bodies[i]);
    await runPhase(8, WARM_UP, (i, agent) => exchangeAt(next + i, agent));
    next += WARM_UP;
    const results: PhaseResult[] = [];
    for (const phase of PHASES) {
      const offset = next;
      results.push(await runPhase(phase.clients, phase.exchanges, (i, agent) => exchangeAt(offset + i, agent)));
      next += phase.exchanges;
    }
    printTable('token exchanges', results);
    const [one, fifty] = results;
    console.log(`throughput at 50 clients / at 1 client: ${(fifty.perSecond / one.perSecond).toFixed(2)}x; p99/p50 at 50 clients: ${(fifty.p99 / fifty.p50).toFixed(2)}x`);

    const product = await productPhases(url, bodies[next]);
    printTable('product API, CreateProcess (POST /client/v1/process, valid body)', product.create);
    printTable('product API, GetProcess (GET /client/v1/process/{id})', product.read);
    const tokenPerSecond = results.map((r) => r.perSecond.toFixed(0)).join(' / ');
    const createPerSecond = product.create.map((r) => r.perSecond.toFixed(0)).join(' / ');
    const readPerSecond = product.read.map((r) => r.perSecond.toFixed(0)).join(' / ');
    console.log(`per second at 1 / 50 clients: token exchanges ${tokenPerSecond}, CreateProcess ${createPerSecond}, GetProcess ${readPerSecond}`);
    if ([...results, ...product.create, ...product.read].some((r) => r.errors > 0)) process.exitCode = 1;
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

const FORM = 'application/x-www-form-urlencoded';
/** A CreateProcess body that passes validation (a CPF with valid check digits, outside the scenario table). */
const CREATE_BODY = JSON.stringify({
  callbackUri: 'https://example.test/done',
  flow: 'idcheck',
  purpose: 'creditprocess',
  person: { duiType: 'DUI_TYPE_BR_CPF', duiValue: '52998224725', friendlyName: 'Bench' },
});

/** CreateProcess then GetProcess of what was created, each at 1 and 50 clients, with one access token. */
async function productPhases(url: string, tokenBody: string): Promise<{ create: PhaseResult[]; read: PhaseResult[] }> {
  const agent = new http.Agent({ keepAlive: true });
  const tokenAnswer = await request(agent, 'POST', `${url}/oauth2/token`, FORM, tokenBody);
  agent.destroy();
  if (tokenAnswer.status !== 200) throw new Error(`bench: the product phases' token exchange answered ${tokenAnswer.status}`);
  const authorization = `Bearer ${JSON.parse(tokenAnswer.text).access_token as string}`;
  const ids: string[] = [];
  const create = async (_i: number, a: http.Agent) => {
    const answer = await request(a, 'POST', `${url}/client/v1/process`, 'application/json', CREATE_BODY, authorization);
    if (answer.status === 200) ids.push(JSON.parse(answer.text).process.id as string);
    return answer.status === 200;
  };
  const read = async (i: number, a: http.Agent) => (await request(a, 'GET', `${url}/client/v1/process/${ids[i % ids.length]}`, undefined, undefined, authorization)).status === 200;
  await runPhase(8, WARM_UP, create);
  const creates: PhaseResult[] = [];
  for (const phase of PHASES) creates.push(await runPhase(phase.clients, phase.exchanges, create));
  await runPhase(8, WARM_UP, read);
  const reads: PhaseResult[] = [];
  for (const phase of PHASES) reads.push(await runPhase(phase.clients, phase.exchanges, read));
  return { create: creates, read: reads };
}

function printTable(title: string, results: PhaseResult[]): void {
  console.log(`\n${title}`);
  console.log('| clients | requests | requests/s | p50 ms | p99 ms | errors |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(`| ${r.clients} | ${r.exchanges} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} |`);
  }
}

/** `count` requests over `clients` concurrent clients; `one(i)` sends the i-th and says whether it succeeded. */
async function runPhase(clients: number, count: number, one: (i: number, agent: http.Agent) => Promise<boolean>): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  let index = 0;
  const start = process.hrtime.bigint();
  const client = async () => {
    while (index < count) {
      const i = index++;
      const sent = process.hrtime.bigint();
      const ok = await one(i, agent).catch(() => false);
      latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
      if (!ok) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { clients, exchanges: count, perSecond: count / seconds, p50: at(0.5), p99: at(0.99), errors };
}

async function send(agent: http.Agent, method: string, url: string, contentType: string, body: string): Promise<boolean> {
  return (await request(agent, method, url, contentType, body)).status === 200;
}

function request(agent: http.Agent, method: string, url: string, contentType?: string, body?: string, authorization?: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string | number> = {};
  if (contentType !== undefined && body !== undefined) Object.assign(headers, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  if (authorization !== undefined) headers.Authorization = authorization;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
