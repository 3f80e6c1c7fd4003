/**
 * A CI run as CI runs it (issue 19): whole processes, side by side, in pairs run in turn (A B, then B A, …) after
 * one warm-up pair; every figure is the median of the pairs' ratios, so a change in the shared machine's load
 * moves both sides of a pair alike. Each pair gets fresh emulators in this process, started outside the timing
 * (rate limit off: a 429 wait measures the limit, not us), and the key reaches our child through
 * IDCLOUD_PRIVATE_KEY; only script-less, secret-less files are written. CPU (user + sys) comes from
 * /usr/bin/time where it exists; wall is what CI waits for and what the goals are about.
 *  1. cold `run --suite smoke` vs plain `newman run` of the same requests, a static token, no scripts; beside it
 *     the floor: the same plain run with a one-line collection script vs without (what scripts cost by themselves);
 *  2. `run --suite all` vs plain `newman run` of the same requests with a one-line collection script (the floor
 *     every scripted collection pays: Newman's sandbox runs a script for each request);
 *  3. three environments in one `run` vs one;
 *  4. the collection file's bytes, and the script bytes each request's sandbox is handed (and compiles).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COLLECTION_FILE_NAME } from '../src/collection';
import { collectionJsonText } from '../src/collection/write';
import { generateServiceAccount, loadCredentials } from '../src/credentials';
import type { Environment } from '../src/environments';
import { exchangeToken, signAssertion } from '../src/exchange';
import { planSuites } from '../src/runner/suites';
import type { Suite } from '../src/runner';
import { INJECTED } from '../src/runner/variables';
import { RUN_VARIABLES } from '../src/suites/variables';
// The emulators, the plain collections and the median are the runner section's (one copy of each).
import { fixture, median, withoutScripts, withTrivialScripts, type Account, type Fixture } from './runner';

const ROUNDS = Number(process.env.BENCH_CI_ROUNDS) || 5;
const API_KEY = 'bench-api-key-0123456789';
const BIN = path.resolve(__dirname, '..', 'bin', 'idcloud-postman.js');
const TIME = '/usr/bin/time';
const HAS_TIME = fs.existsSync(TIME);

interface Timing {
  wallMs: number;
  /** user + sys of the process and its children; undefined without /usr/bin/time. */
  cpuMs?: number;
}

/** A node child process, timed, awaited without blocking this process's event loop (the emulators run here). */
function timeNode(args: string[], env: NodeJS.ProcessEnv, dir: string): Promise<Timing> {
  const cpuFile = path.join(dir, 'cpu.txt');
  const [command, argv] = HAS_TIME ? [TIME, ['-f', '%U %S', '-o', cpuFile, process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const proc = spawn(command, argv, { stdio: 'ignore', env });
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      // The timing stands (every request was sent), but a failed run is said, never silently a figure.
      if (code !== 0) console.log(`note: \`${path.basename(args[0])} ${args[1]}\` exited ${String(code)}`);
      let cpuMs: number | undefined;
      if (HAS_TIME) {
        const [user, sys] = fs.readFileSync(cpuFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
        cpuMs = (user + sys) * 1000;
      }
      resolve({ wallMs, cpuMs });
    });
  });
}

type Command = { args: string[]; env: NodeJS.ProcessEnv };

/** One pair's two commands, built on fresh emulators. */
type PairSetup = (dir: string) => Promise<{ a: Command; b: Command; close(): Promise<void> }>;

interface PairResult {
  wall: number[];
  cpu: number[];
  aWall: number[];
  bWall: number[];
}

async function pairs(setup: PairSetup, dir: string): Promise<PairResult> {
  const result: PairResult = { wall: [], cpu: [], aWall: [], bWall: [] };
  for (let round = -1; round < ROUNDS; round++) {
    const { a, b, close } = await setup(dir);
    try {
      // In turn: A first in even rounds, B first in odd ones.
      const first = round % 2 === 0 ? a : b;
      const second = first === a ? b : a;
      const t1 = await timeNode(first.args, first.env, dir);
      const t2 = await timeNode(second.args, second.env, dir);
      const [ta, tb] = first === a ? [t1, t2] : [t2, t1];
      if (round < 0) continue; // the warm-up pair: the file cache, not the code, is what it measures
      result.wall.push(ta.wallMs / tb.wallMs);
      if (ta.cpuMs !== undefined && tb.cpuMs !== undefined) result.cpu.push(ta.cpuMs / tb.cpuMs);
      result.aWall.push(ta.wallMs);
      result.bWall.push(tb.wallMs);
    } finally {
      await close();
    }
  }
  return result;
}

function report(label: string, r: PairResult, goal: number): void {
  const ratio = median(r.wall);
  const cpu = r.cpu.length > 0 ? `; CPU ${median(r.cpu).toFixed(2)}×` : '';
  console.log(`${label}: ${median(r.aWall).toFixed(0)} vs ${median(r.bWall).toFixed(0)} ms (medians)`);
  console.log(`  wall ${ratio.toFixed(2)}× (median of ${r.wall.length} pair ratios, ${Math.min(...r.wall).toFixed(2)}–${Math.max(...r.wall).toFixed(2)})${cpu} — goal ≤ ${goal}×: ${ratio <= goal ? 'met' : 'MISSED'}`);
}

function ourRun(account: Account, envs: Environment[], suite: Suite): Command {
  const envArgs = envs.flatMap((env, i) => ['--env', `e${i + 1}=${env.identityUrl}`]);
  return {
    args: [BIN, 'run', ...envArgs, '--iss', account.iss, '--suite', suite, '--reporters', 'cli'],
    env: { ...process.env, CI: 'true', IDCLOUD_PRIVATE_KEY: account.privateKeyPem, IDCLOUD_API_KEY: API_KEY },
  };
}

/** Plain `newman run` of the suite's requests of `collection` on the fixture's first environment, with a static token and assertion. */
async function plainNewman(account: Account, f: Fixture, suite: Suite, collection: object, dir: string): Promise<Command> {
  const credentials = loadCredentials({ iss: account.iss, env: { IDCLOUD_PRIVATE_KEY: account.privateKeyPem } });
  const [env] = f.envs;
  const collectionFile = path.join(dir, 'plain.postman_collection.json');
  const environmentFile = path.join(dir, 'plain.postman_environment.json');
  fs.writeFileSync(collectionFile, JSON.stringify(collection));
  fs.writeFileSync(environmentFile, JSON.stringify(f.generated.environments[0].json));
  const token = (await exchangeToken(credentials, env)).accessToken;
  const assertion = await signAssertion(credentials, env.identityUrl);
  const folders = planSuites(env, { suite }).folders.flatMap((folder) => ['--folder', folder]);
  const vars = [`${INJECTED.apiKey}=${API_KEY}`, `${RUN_VARIABLES.accessToken}=${token}`, `${RUN_VARIABLES.assertion}=${assertion}`].flatMap((v) => ['--env-var', v]);
  return { args: [require.resolve('newman/bin/newman.js'), 'run', collectionFile, '-e', environmentFile, ...folders, ...vars, '--reporters', 'cli'], env: process.env };
}

/** The bytes of the script texts on a request's chain (collection, folders, request): what its sandbox compiles. */
function scriptBytesPerRequest(collection: object): Map<string, number> {
  const perFolder = new Map<string, number>();
  const bytes = (node: { event?: { script?: { exec?: string[] | string } }[] }) =>
    (node.event ?? []).reduce((n, e) => n + Buffer.byteLength([e.script?.exec ?? []].flat().join('\n')), 0);
  type Node = { name: string; event?: { script?: { exec?: string[] | string } }[]; item?: Node[] };
  const root = collection as Node;
  for (const folder of root.item ?? []) {
    const sizes = new Set<number>();
    const walk = (node: Node, above: number) => {
      const own = above + bytes(node);
      if (node.item) node.item.forEach((child) => walk(child, own));
      else sizes.add(own);
    };
    walk(folder, bytes(root));
    perFolder.set(folder.name, Math.max(...sizes));
  }
  return perFolder;
}

export async function run(): Promise<void> {
  const account = generateServiceAccount({ account: 'bench' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-bench-ci-'));
  try {
    console.log(`pairs of whole processes run in turn, ${ROUNDS} counted after one warm-up; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the start`);

    // 4. The file, first: it needs no timing.
    const sample = await fixture(account, 1);
    const collectionBytes = Buffer.byteLength(collectionJsonText(sample.generated.collection));
    const perRequest = scriptBytesPerRequest(sample.generated.collection);
    await sample.close();
    console.log(`collection file (${COLLECTION_FILE_NAME}): ${collectionBytes} bytes = ${(collectionBytes / 1024).toFixed(1)} KB — goal ≤ 64 KB: ${collectionBytes <= 64 * 1024 ? 'met' : 'MISSED'}`);
    console.log(`  script bytes each request's sandbox is handed (pre-request + test, every script on its chain): ${[...perRequest].map(([folder, n]) => `${folder} ${(n / 1024).toFixed(1)} KB`).join(' · ')}`);

    // 1. Cold smoke vs plain Newman, static token, no scripts.
    const smoke = await pairs(async (d) => {
      const f = await fixture(account, 1);
      return { a: ourRun(account, f.envs, 'smoke'), b: await plainNewman(account, f, 'smoke', withoutScripts(f.generated.collection), d), close: f.close };
    }, dir);
    report('cold `run --suite smoke` vs plain `newman run` of the same requests, static token, no scripts', smoke, 1.1);

    // 1b. What any scripted collection pays on those requests: the floor under figure 1.
    const floor = await pairs(async (d) => {
      const f = await fixture(account, 1);
      const scripted = await plainNewman(account, f, 'smoke', withTrivialScripts(f.generated.collection), d);
      // Its own directory: the two commands write their files side by side.
      const bare = fs.mkdtempSync(path.join(d, 'bare-'));
      return { a: scripted, b: await plainNewman(account, f, 'smoke', withoutScripts(f.generated.collection), bare), close: f.close };
    }, dir);
    report('  the floor under it: plain `newman run` of the same requests with a one-line collection script vs without', floor, 1.1);

    // 2. The full suite vs plain Newman with a one-line collection script.
    const all = await pairs(async (d) => {
      const f = await fixture(account, 1);
      return { a: ourRun(account, f.envs, 'all'), b: await plainNewman(account, f, 'all', withTrivialScripts(f.generated.collection), d), close: f.close };
    }, dir);
    report('`run --suite all` vs plain `newman run` of the same requests with a one-line collection script', all, 1.15);

    // 3. Three environments in one run vs one.
    const three = await pairs(async () => {
      // A fourth emulator for the one-environment run, so neither side meets the other's leftovers.
      const f = await fixture(account, 4);
      return { a: ourRun(account, f.envs.slice(0, 3), 'all'), b: ourRun(account, f.envs.slice(3), 'all'), close: f.close };
    }, dir);
    report(`three environments in one \`run --suite all\` vs one (${os.cpus().length} cores)`, three, 1.4);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
