/**
 * The runner, measured in one run on this machine. Every figure is a ratio of medians over interleaved
 * rounds after a warm-up (the machine may be shared); each timed run gets fresh emulators, started outside
 * the timing, so no assertion is ever a replay of an earlier run's.
 *  1. the smoke suite (Token + API: one signature, the CI path) and the full suite (all) run by `runSuites`
 *     vs the same requests run by plain Newman with a static pre-obtained token, a pre-signed assertion and
 *     no scripts (the overhead of signing, caching and checking). Two references explain the gap: the same
 *     plain requests with a one-line script per request (what Newman's script sandbox costs by itself), and
 *     the generated collection run by bare `newman.run` (what the runner itself adds);
 *  2. three environments in parallel in one `runSuites` vs one, on loopback and with 50 ms per request;
 *  3. CLI start-up for `--help` (Newman must load lazily).
 * The emulator's rate limit is off for the ratios (a 429 wait measures the limit, not the runner); one more
 * run with Unico's 10 requests/s says what the limit costs and how many 429s were waited out.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { generateCollection, type GeneratedFiles } from '../src/collection';
import { generateServiceAccount, loadCredentials } from '../src/credentials';
import { EMULATOR_DEFAULTS, startEmulator, type RunningEmulator } from '../src/emulator';
import { makeEnvironment, type Environment } from '../src/environments';
import { exchangeToken, signAssertion } from '../src/exchange';
import { runSuites, throwawayOtherKeyPem, type Suite } from '../src/runner';
import { FOLDERS } from '../src/suites/folders';
import { INJECTED } from '../src/runner/variables';
import { loadNewman, type NewmanRunOptions } from '../src/runner/newman-types';
import { planSuites } from '../src/runner/suites';
import { RUN_VARIABLES } from '../src/suites/variables';
import { runPrerequest } from '../src/sandbox/script/prerequest';
import { runTests } from '../src/sandbox/script/tests';
import { cacheEntry, cacheKey } from '../src/sandbox/script/token-cache';
import { UNKNOWN_PROCESS_ID } from '../src/suites/api';
import { CASE_HEADER, TOKEN_CACHE_VARIABLE } from '../src/suites/variables';
import { startRecordingProxy } from '../test/leaks/recording-proxy';
import { fakeResponse, fakeRun } from '../test/sandbox/script/fake-pm';

const ROUNDS = 3;
const REMOTE_ROUNDS = 2;
const REMOTE_DELAY_MS = 50;
const API_KEY = 'bench-api-key-0123456789';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Wall and CPU (user + sys of this process, which also runs the emulators) of one awaited run. */
async function timedCpu(fn: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const wallMs = await timed(fn);
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function goal(label: string, ratio: number, limit: number): string {
  return `${label}: ${ratio.toFixed(2)}× — goal ≤ ${limit}×: ${ratio <= limit ? 'met' : 'MISSED'}`;
}

/** The generated collection without any script: what plain Newman runs with static values. */
export function withoutScripts(collection: object): object {
  return JSON.parse(JSON.stringify(collection), (key, value) => (key === 'event' ? undefined : value));
}

/** The script-less collection plus a one-line pre-request and test script at collection level: the sandbox's own cost. */
export function withTrivialScripts(collection: object): object {
  const script = (listen: string, line: string) => ({ listen, script: { type: 'text/javascript', exec: [line] } });
  return { ...withoutScripts(collection), event: [script('prerequest', "pm.variables.set('bench', '1');"), script('test', "pm.test('answered', function () {});")] };
}

export type Account = ReturnType<typeof generateServiceAccount>;

/** Emulators for one timed run, started before the timing starts. */
export interface Fixture {
  emulators: RunningEmulator[];
  envs: Environment[];
  generated: GeneratedFiles;
  close(): Promise<void>;
}

export async function fixture(account: Account, count: number, rateLimit = 0): Promise<Fixture> {
  const emulators = await Promise.all(
    Array.from({ length: count }, () => startEmulator({ accounts: [{ iss: account.iss, publicKey: account.publicKeyPem, apiKey: API_KEY }], port: 0, rateLimit })),
  );
  const envs = emulators.map((e, i) => makeEnvironment(`bench${i + 1}`, { identityUrl: e.url }));
  const generated = generateCollection({ environments: envs, iss: account.iss });
  return { emulators, envs, generated, close: async () => void (await Promise.all(emulators.map((e) => e.close()))) };
}

function newmanRun(options: NewmanRunOptions): Promise<void> {
  return new Promise((resolve, reject) => loadNewman()(options, (err) => (err ? reject(err) : resolve())));
}

function foldersOf(suite: Suite, env: Environment): string[] {
  return planSuites(env, { suite }).folders;
}

export async function run(): Promise<void> {
  const account = generateServiceAccount({ account: 'bench' });
  const credentials = loadCredentials({ iss: account.iss, env: { IDCLOUD_PRIVATE_KEY: account.privateKeyPem } });
  const notes = new Set<string>();
  let rateLimited = 0;

  /** runSuites over `count` fresh emulators; returns the timed milliseconds. */
  let lastCpuMs = 0;
  const ours = async (suite: Suite, count: number, rateLimit = 0): Promise<number> => {
    const f = await fixture(account, count, rateLimit);
    try {
      let exitCode = 0;
      let why: string[] = [];
      const cpuBefore = process.cpuUsage();
      const ms = await timed(async () => {
        const result = await runSuites({
          collection: f.generated.collection,
          environments: f.envs.map((env, i) => ({ env, envJson: f.generated.environments[i].json })),
          secrets: { privateKeyPem: account.privateKeyPem, apiKey: API_KEY },
          suite,
          reporters: [],
        }).done;
        exitCode = result.exitCode;
        rateLimited += result.environments.reduce((n, e) => n + e.rateLimited, 0);
        why = result.environments.flatMap((e) => [e.reason ?? '', ...e.failures.map((x) => `${x.request} › ${x.assertion}: ${x.message}`)]).filter(Boolean);
      });
      const cpu = process.cpuUsage(cpuBefore);
      lastCpuMs = (cpu.user + cpu.system) / 1000;
      // Timed anyway (the requests were all sent), but said: a figure is never silently of a broken run.
      if (exitCode !== 0) notes.add(`note: a ${suite} run ended with exit ${exitCode}: ${why.slice(0, 2).join('; ')}`);
      return ms;
    } finally {
      await f.close();
    }
  };

  /** Plain Newman: the same requests, no scripts, a token and an assertion obtained before the timing. */
  const plain = async (suite: Suite, trivialScripts = false): Promise<number> => {
    const f = await fixture(account, 1);
    try {
      const [env] = f.envs;
      const token = (await exchangeToken(credentials, env)).accessToken;
      const assertion = await signAssertion(credentials, env.identityUrl);
      const collection = trivialScripts ? withTrivialScripts(f.generated.collection) : withoutScripts(f.generated.collection);
      return await timed(() => newmanRun({
        collection,
        environment: f.generated.environments[0].json,
        folder: foldersOf(suite, env),
        envVar: [{ key: INJECTED.apiKey, value: API_KEY }, { key: RUN_VARIABLES.accessToken, value: token }, { key: RUN_VARIABLES.assertion, value: assertion }],
      }));
    } finally {
      await f.close();
    }
  };

  /** The generated collection and its scripts run by newman.run directly, with what the runner injects: runSuites minus the runner. */
  const bare = async (): Promise<number> => {
    const f = await fixture(account, 1);
    try {
      const otherKey = await throwawayOtherKeyPem();
      return await timed(() => newmanRun({
        collection: f.generated.collection,
        environment: f.generated.environments[0].json,
        folder: foldersOf('all', f.envs[0]),
        envVar: [{ key: INJECTED.privateKey, value: account.privateKeyPem }, { key: INJECTED.apiKey, value: API_KEY }, { key: INJECTED.otherPrivateKey, value: otherKey }],
      }));
    } finally {
      await f.close();
    }
  };

  // Warm-up: the first run loads Newman and compiles everything; a CLI process pays this once.
  const coldMs = await ours('all', 1);
  await plain('all');
  await plain('smoke');
  await plain('all', true);
  await plain('smoke', true);
  await ours('smoke', 1);

  const m: Record<'full' | 'smoke' | 'plainFull' | 'plainSmoke' | 'floor' | 'floorSmoke' | 'three' | 'bare', number[]> = {
    full: [], smoke: [], plainFull: [], plainSmoke: [], floor: [], floorSmoke: [], three: [], bare: [],
  };
  const cpuRatios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const fullMs = await ours('all', 1);
    m.full.push(fullMs);
    // All threads of the process: V8's GC and the emulator's (in-process) work count too.
    cpuRatios.push(lastCpuMs / fullMs);
    m.plainFull.push(await plain('all'));
    m.smoke.push(await ours('smoke', 1));
    m.plainSmoke.push(await plain('smoke'));
    m.floorSmoke.push(await plain('smoke', true));
    m.floor.push(await plain('all', true));
    m.three.push(await ours('all', 3));
    m.bare.push(await bare());
  }
  const med = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, median(v)])) as Record<keyof typeof m, number>;
  const waitsInRatios = rateLimited;

  const limited: number[] = [];
  rateLimited = 0;
  for (let i = 0; i < 1; i++) limited.push(await ours('all', 1, EMULATOR_DEFAULTS.rateLimit));

  const ms = (v: number) => `${v.toFixed(0)} ms`;
  console.log(`medians of ${ROUNDS} interleaved rounds; emulator rate limit OFF for these (429 waits seen: ${waitsInRatios})`);
  console.log(`smoke suite (${FOLDERS.token} + ${FOLDERS.api}), runSuites: ${ms(med.smoke)}  ·  plain Newman, static token, no scripts: ${ms(med.plainSmoke)}`);
  console.log(`  ${goal('smoke / plain', med.smoke / med.plainSmoke, 1.2)}`);
  console.log(`  floor: the same plain requests with a one-line script per request (Newman's script sandbox alone) ${ms(med.floorSmoke)} = ${(med.floorSmoke / med.plainSmoke).toFixed(2)}× plain`);
  console.log(`full suite (all), runSuites:              ${ms(med.full)}  ·  plain Newman, static token, no scripts: ${ms(med.plainFull)}`);
  console.log(`  ${goal('full / plain', med.full / med.plainFull, 1.2)}`);
  console.log(`  floor: the same plain requests with a one-line script per request (Newman's script sandbox alone) ${ms(med.floor)} = ${(med.floor / med.plainFull).toFixed(2)}× plain`);
  console.log(`  the collection's own scripts (~20 RS256 signatures in the sandbox, checks, token cache) add ${ms(med.bare - med.floor)} to the floor: bare newman.run of it ${ms(med.bare)}`);
  console.log(`  the runner's own cost (preflight, events, scrubbing): runSuites / bare newman.run = ${(med.full / med.bare).toFixed(2)}×`);
  console.log(`  CPU / wall of one full run: ${median(cpuRatios).toFixed(2)} (≈ 1 = CPU-bound: parallel runs in one process share one core)`);
  console.log(`  first run in this process (loads Newman, cold JIT): ${ms(coldMs)}`);
  console.log(`three environments in parallel, one runSuites: ${ms(med.three)}`);
  console.log(`  ${goal('three / one (loopback, CPU-bound)', med.three / med.full, 1.3)}; three sequential runs ≈ 3×`);
  console.log(`with Unico's rate limit on (${EMULATOR_DEFAULTS.rateLimit} token requests/s): full suite ${ms(median(limited))}, 429 waits seen: ${rateLimited} — the limit's cost, not the runner's`);

  await layerOverFloor(account, credentials);
  await remoteLike(ours);
  for (const note of notes) console.log(note);

  const bin = path.resolve(__dirname, '..', 'bin', 'idcloud-postman.js');
  const startups: number[] = [];
  const nodeOnly: number[] = [];
  for (let i = 0; i < 7; i++) {
    startups.push(await timed(async () => execFileSync(process.execPath, [bin, '--help'], { stdio: 'ignore' })));
    nodeOnly.push(await timed(async () => execFileSync(process.execPath, ['-e', '0'], { stdio: 'ignore' })));
  }
  const help = median(startups);
  console.log(`CLI start-up, --help: ${ms(help)} (median of 7; bare \`node -e 0\`: ${ms(median(nodeOnly))}) — goal < 300 ms: ${help < 300 ? 'met' : 'MISSED'}`);
}

/**
 * One vs three environments with every request held 50 ms by a forward proxy (HTTP_PROXY, honoured by
 * Newman's requester): a remote environment's round trip. Real environments are network-bound, and parallel
 * runs in one process overlap their waiting.
 */
async function remoteLike(ours: (suite: Suite, count: number) => Promise<number>): Promise<void> {
  const proxy = await startRecordingProxy(undefined, { delayMs: REMOTE_DELAY_MS });
  const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
  process.env.HTTP_PROXY = proxy.url;
  process.env.NO_PROXY = '';
  try {
    const one: number[] = [];
    const three: number[] = [];
    for (let round = 0; round < REMOTE_ROUNDS; round++) {
      one.push(await ours('all', 1));
      three.push(await ours('all', 3));
    }
    console.log(`with ${REMOTE_DELAY_MS} ms per request (a remote environment): one ${median(one).toFixed(0)} ms, three in parallel ${median(three).toFixed(0)} ms (median of ${REMOTE_ROUNDS})`);
    console.log(`  ${goal('three / one (50 ms per request)', median(three) / median(one), 1.3)}`);
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await proxy.close();
  }
}

/**
 * Issue 9's goal: with the auth layer on every request, the smoke suite's scripts stay cheap. The generated
 * collection's smoke folders run by bare `newman.run` (its scripts: one signature and exchange, then the cached
 * token on every request, no key parsed) vs the same requests with a one-line script each and a static token
 * (Newman's own sandbox floor). Interleaved rounds, fresh emulators outside the timing, medians.
 */
export async function layerOverFloor(account: Account, credentials: ReturnType<typeof loadCredentials>): Promise<void> {
  const LAYER_ROUNDS = 9;
  const ours: number[] = [];
  const floor: number[] = [];
  // CPU (user + sys of this process) of each run, paired: less moved by the shared machine's load than wall.
  const cpuOverFloor: number[] = [];
  for (let round = 0; round <= LAYER_ROUNDS; round++) {
    const f = await fixture(account, 2);
    try {
      const [envA, envB] = f.envs;
      const token = (await exchangeToken(credentials, envB)).accessToken;
      const runOurs = () => timedCpu(() => newmanRun({
        collection: f.generated.collection,
        environment: f.generated.environments[0].json,
        folder: foldersOf('smoke', envA),
        envVar: [{ key: INJECTED.privateKey, value: account.privateKeyPem }, { key: INJECTED.apiKey, value: API_KEY }],
      }));
      const runFloor = () => timedCpu(() => newmanRun({
        collection: withTrivialScripts(f.generated.collection),
        environment: f.generated.environments[1].json,
        folder: foldersOf('smoke', envB),
        envVar: [{ key: INJECTED.apiKey, value: API_KEY }, { key: RUN_VARIABLES.accessToken, value: token }],
      }));
      // Alternate which goes first, so a load change on the shared machine does not always hit the same side.
      const [oursRun, floorRun] = round % 2 === 0 ? [await runOurs(), await runFloor()] : [...[await runFloor(), await runOurs()].reverse()];
      // Round 0 warms both paths up.
      if (round > 0) {
        ours.push(oursRun.wallMs);
        floor.push(floorRun.wallMs);
        cpuOverFloor.push(oursRun.cpuMs - floorRun.cpuMs);
      }
    } finally {
      await f.close();
    }
  }
  const ratio = median(ours) / median(floor);
  console.log(`smoke suite, the collection's own scripts (auth layer on every request) by bare newman.run: ${median(ours).toFixed(0)} ms vs Newman's sandbox floor (same requests, one-line script each, static token): ${median(floor).toFixed(0)} ms (median of ${LAYER_ROUNDS})`);
  console.log(`  ${goal('smoke / floor', ratio, 1.1)}`);
  // What our two scripts run per request beyond the one-line scripts (issue 19's lean path): all but the first
  // request find the cached token; the one signature and exchange of the run are in it too.
  const requests = smokeRequestCount(account);
  const wallPerRequest = (median(ours) - median(floor)) / requests;
  const cpuPerRequest = median(cpuOverFloor) / requests;
  console.log(`  the collection's scripts per request over the floor: ${cpuPerRequest.toFixed(2)} ms CPU (median of the pairs), ${wallPerRequest.toFixed(2)} ms wall (${requests} requests, one of them signs and exchanges)`);
}

/** How many requests the smoke folders send (Token + API). */
function smokeRequestCount(account: Account): number {
  const env = makeEnvironment('count', { identityUrl: 'http://127.0.0.1:1' });
  const folders = new Set(foldersOf('smoke', env));
  const collection = generateCollection({ environments: [env], iss: account.iss }).collection as { item: { name: string; item: unknown[] }[] };
  return collection.item.filter((f) => folders.has(f.name)).reduce((n, f) => n + f.item.length, 0);
}

/**
 * What our scripts do for one request that finds a valid cached token, in Node against the tests' stand-in for
 * `pm` (test/sandbox/script/fake-pm.ts): the pm.variables / pm.environment calls of each script (the sandbox's
 * costly ones: every set is a mutation shipped back to the runtime, replaceIn resolves across every scope) and the
 * CPU of our own code alone, steady state (an earlier request left the run variables defined).
 */
export function cachedRequestPath(): void {
  const url = 'http://127.0.0.1:8780';
  const iss = 'bench@0a1b2c3d-0000-4000-8000-000000000001.iam.acesso.io';
  const env = { identity_url: url, unico_api_url: url, client_api_url: url, sign_api_url: url, iss, private_key: '', api_key: API_KEY };
  /** A fresh stand-in run whose cache holds a valid token and whose run variables an earlier request defined. */
  const steadyRun = (headers: Record<string, string> | undefined, requestUrl: string | undefined) => {
    const run = fakeRun({ environment: env, headers, url: requestUrl, response: fakeResponse(200, { process: { id: 'x' } }) });
    run.environment.set(TOKEN_CACHE_VARIABLE, JSON.stringify(cacheEntry(cacheKey(url, iss), 'cached-token', 3600, run.clock.now)));
    for (const name of [RUN_VARIABLES.accessToken, RUN_VARIABLES.currentCase, RUN_VARIABLES.pendingFailures, RUN_VARIABLES.expectation, RUN_VARIABLES.assertion, RUN_VARIABLES.body, RUN_VARIABLES.subjectCode]) run.local.set(name, '');
    run.local.set(RUN_VARIABLES.signDocumentId, UNKNOWN_PROCESS_ID);
    return run;
  };
  /** The pm.variables / pm.environment calls each script makes (counted once, outside the timing). */
  const countCalls = (run: ReturnType<typeof steadyRun>) => {
    const calls: Record<string, number> = {};
    let inside = 0;
    for (const [scope, name] of [[run.pm.variables, 'variables'], [run.pm.environment, 'environment']] as const) {
      const methods = scope as unknown as Record<string, (...args: unknown[]) => unknown>;
      for (const method of ['get', 'has', 'set', 'replaceIn'].filter((m) => typeof methods[m] === 'function')) {
        const original = methods[method].bind(scope);
        methods[method] = (...args) => {
          // Only our scripts' calls: the stand-in's own scope lookups are not counted.
          if (inside === 0) calls[`${name}.${method}`] = (calls[`${name}.${method}`] ?? 0) + 1;
          inside++;
          try {
            return original(...args);
          } finally {
            inside--;
          }
        };
      }
    }
    runPrerequest(run.host);
    const pre = { ...calls };
    for (const key of Object.keys(calls)) delete calls[key];
    runTests(run.host);
    return { pre, test: { ...calls } };
  };
  /** Wall time of the two scripts alone on a prepared run (the stand-in's setup is not timed). */
  const scriptsNs = (run: ReturnType<typeof steadyRun>): bigint => {
    const start = process.hrtime.bigint();
    runPrerequest(run.host);
    runTests(run.host);
    return process.hrtime.bigint() - start;
  };
  const scenarios: [string, Record<string, string> | undefined, string | undefined][] = [
    ["your own request (the auth layer's fast path)", undefined, '{{unico_api_url}}/client/v1/process/abc'],
    ['API folder, valid token', { [CASE_HEADER]: 'api-GetProcess-valid' }, undefined],
    ['API folder, no token', { [CASE_HEADER]: 'api-GetProcess-no-token' }, undefined],
  ];
  const text = (c: Record<string, number>) => Object.entries(c).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log("a request with a valid cached token, our scripts' own work (Node, the tests' stand-in for pm, steady state):");
  for (const [name, headers, requestUrl] of scenarios) {
    const { pre, test } = countCalls(steadyRun(headers, requestUrl));
    const ROUNDS = 20000;
    for (let i = 0; i < 5000; i++) scriptsNs(steadyRun(headers, requestUrl));
    let total = 0n;
    for (let i = 0; i < ROUNDS; i++) total += scriptsNs(steadyRun(headers, requestUrl));
    console.log(`  ${name}: ${(Number(total) / 1000 / ROUNDS).toFixed(0)} µs; pre-request ${text(pre)}; test ${text(test)}`);
  }
}

/** `npm run bench -- layer`: only the figures above (the runner section measures the first among the rest). */
export async function layer(): Promise<void> {
  cachedRequestPath();
  const account = generateServiceAccount({ account: 'bench' });
  await layerOverFloor(account, loadCredentials({ iss: account.iss, env: { IDCLOUD_PRIVATE_KEY: account.privateKeyPem } }));
}
