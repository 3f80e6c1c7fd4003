/**
 * The runner, measured in one run on this machine (ratios; the machine may be shared, so each figure is
 * the median of several interleaved rounds after a warm-up):
 *  1. a full-suite run (`runSuites`, suite all: signing in the sandbox, token caching, checks) against the
 *     emulator vs the same requests run by plain Newman with a static pre-obtained token and a pre-signed
 *     assertion, without scripts — the overhead of signing, caching and checking; and vs the same
 *     collection run by bare `newman.run` — the runner's own cost;
 *  2. three environments in parallel in one `runSuites` vs one environment;
 *  3. CLI start-up for `--help` (Newman must load lazily).
 * The emulator's rate limit is off here: a 429 backoff would measure the limit, not the runner.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { generateCollection } from '../src/collection';
import { loadCredentials } from '../src/credentials';
import { startEmulator, type RunningEmulator } from '../src/emulator';
import { makeEnvironment, type Environment } from '../src/environments';
import { exchangeToken, signAssertion } from '../src/exchange';
import { runSuites } from '../src/runner';
import { loadNewman } from '../src/runner/newman-types';
import { RUN_VARIABLES } from '../src/suites/variables';
import { generateServiceAccount } from '../src/credentials';
import { startRecordingProxy } from '../test/leaks/recording-proxy';

const ROUNDS = 5;
const REMOTE_DELAY_MS = 50;
const API_KEY = 'bench-api-key-0123456789';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Waits for the next whole second (outside any timing). RS256 is deterministic and iat has one-second
 * resolution, so two valid assertions signed in the same second are identical: the second is a replay (1.2.7),
 * as it would be at Unico. Back-to-back runs against the same emulator must not share a second.
 */
function nextSecond(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
}

/** The generated collection without any script: what plain Newman runs with static values. */
function withoutScripts(collection: object): object {
  return JSON.parse(JSON.stringify(collection), (key, value) => (key === 'event' ? undefined : value));
}

/**
 * The same comparison with every request held 50 ms by a forward proxy (HTTP_PROXY, honoured by Newman's
 * requester): what a remote environment's round trip looks like. Real environments are network-bound, and
 * parallel runs in one process overlap their waiting.
 */
async function remoteLike(ours: (count: number) => () => Promise<void>, pause: () => Promise<void>): Promise<void> {
  const proxy = await startRecordingProxy(undefined, { delayMs: REMOTE_DELAY_MS });
  const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
  process.env.HTTP_PROXY = proxy.url;
  process.env.NO_PROXY = '';
  try {
    const one: number[] = [];
    const three: number[] = [];
    for (let round = 0; round < 3; round++) {
      await pause();
      one.push(await timed(ours(1)));
      await pause();
      three.push(await timed(ours(3)));
    }
    console.log(`with ${REMOTE_DELAY_MS} ms per request (a remote environment): one ${median(one).toFixed(0)} ms, three in parallel ${median(three).toFixed(0)} ms`);
    console.log(`  ratio three / one: ${(median(three) / median(one)).toFixed(2)}× (median of 3)`);
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await proxy.close();
  }
}

export async function run(): Promise<void> {
  const warnings = new Set<string>();
  const account = generateServiceAccount({ account: 'bench' });
  const credentials = loadCredentials({ iss: account.iss, env: { IDCLOUD_PRIVATE_KEY: account.privateKeyPem } });
  const emulators: RunningEmulator[] = await Promise.all(
    [1, 2, 3].map(() => startEmulator({ accounts: [{ iss: account.iss, publicKey: account.publicKeyPem, apiKey: API_KEY }], port: 0, rateLimit: 0 })),
  );
  try {
    const envs: Environment[] = emulators.map((e, i) => makeEnvironment(`bench${i + 1}`, { identityUrl: e.url }));
    const generated = generateCollection({ environments: envs, iss: account.iss });
    const input = (i: number) => ({ env: envs[i], envJson: generated.environments[i].json });
    const ours = (count: number) => async () => {
      const result = await runSuites({
        collection: generated.collection,
        environments: [0, 1, 2].slice(0, count).map(input),
        secrets: { privateKeyPem: account.privateKeyPem, apiKey: API_KEY },
        suite: 'all',
        reporters: [],
      }).done;
      if (result.exitCode !== 0) {
        const why = result.environments.flatMap((e) => [e.reason ?? '', ...e.failures.map((f) => `${f.request} › ${f.assertion}: ${f.message}`)]).filter(Boolean);
        // Timed anyway (the requests were all sent), but said, so a figure is never silently of a broken run.
        warnings.add(`note: a bench run ended with exit ${result.exitCode}: ${why.slice(0, 2).join('; ')}`);
      }
    };
    const plainCollection = withoutScripts(generated.collection);
    const plain = async () => {
      // Obtained outside the timed run, as a pipeline with a static token would.
      await nextSecond();
      const token = (await exchangeToken(credentials, envs[0])).accessToken;
      await nextSecond();
      const assertion = await signAssertion(credentials, envs[0].identityUrl);
      await timedPlain(token, assertion);
    };
    // The generated collection with its scripts, run by Newman directly: runSuites minus the runner itself.
    const bare = () => new Promise<void>((resolve, reject) => {
      loadNewman()(
        {
          collection: generated.collection,
          environment: generated.environments[0].json,
          envVar: [{ key: 'private_key', value: account.privateKeyPem }, { key: 'api_key', value: API_KEY }],
        },
        (err) => (err ? reject(err) : resolve()),
      );
    });
    let plainMs = 0;
    const timedPlain = async (token: string, assertion: string) => {
      plainMs = await timed(
        () => new Promise<void>((resolve, reject) => {
          loadNewman()(
            {
              collection: plainCollection,
              environment: generated.environments[0].json,
              envVar: [
                { key: 'api_key', value: API_KEY },
                { key: RUN_VARIABLES.bearer, value: token },
                { key: RUN_VARIABLES.assertion, value: assertion },
              ],
            },
            (err) => (err ? reject(err) : resolve()),
          );
        }),
      );
    };

    // Warm-up: module loading and the first sandbox contexts are not what we measure.
    await ours(1)();
    await plain();
    await nextSecond();
    const oneEnv: number[] = [];
    const plainRuns: number[] = [];
    const threeEnvs: number[] = [];
    const bareRuns: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      oneEnv.push(await timed(ours(1)));
      await plain();
      plainRuns.push(plainMs);
      await nextSecond();
      threeEnvs.push(await timed(ours(3)));
      await nextSecond();
      bareRuns.push(await timed(bare));
      await nextSecond();
    }
    await nextSecond();
    const cpuBefore = process.cpuUsage();
    const cpuWall = await timed(ours(1));
    const cpu = process.cpuUsage(cpuBefore);
    const one = median(oneEnv);
    const plainMedian = median(plainRuns);
    const three = median(threeEnvs);
    console.log(`full suite (all), one environment, runSuites:          ${one.toFixed(0)} ms (median of ${ROUNDS})`);
    console.log(`same requests, plain Newman, static token, no scripts: ${plainMedian.toFixed(0)} ms`);
    console.log(`  ratio runSuites / plain Newman: ${(one / plainMedian).toFixed(2)}× (goal ≤ 1.2×)`);
    console.log(`same collection and scripts, bare newman.run, no runner: ${median(bareRuns).toFixed(0)} ms`);
    console.log(`  ratio runSuites / bare Newman (the runner's own cost: preflight, events, scrubbing): ${(one / median(bareRuns)).toFixed(2)}×`);
    console.log(`  CPU time of one run / its wall time: ${((cpu.user + cpu.system) / 1000 / cpuWall).toFixed(2)} (≈ 1 = CPU-bound: parallel runs in one process then share one core)`);
    console.log(`three environments in parallel, one runSuites:         ${three.toFixed(0)} ms`);
    console.log(`  ratio three / one: ${(three / one).toFixed(2)}× (goal ≤ 1.3×; three sequential runs ≈ 3×)`);
    await remoteLike(ours, nextSecond);
    for (const warning of warnings) console.log(warning);
  } finally {
    await Promise.all(emulators.map((e) => e.close()));
  }

  const bin = path.resolve(__dirname, '..', 'bin', 'idcloud-postman.js');
  const startups: number[] = [];
  const nodeOnly: number[] = [];
  for (let i = 0; i < 7; i++) {
    startups.push(await timed(async () => execFileSync(process.execPath, [bin, '--help'], { stdio: 'ignore' })));
    nodeOnly.push(await timed(async () => execFileSync(process.execPath, ['-e', '0'], { stdio: 'ignore' })));
  }
  console.log(`CLI start-up, --help: ${median(startups).toFixed(0)} ms (median of 7; goal < 300 ms; bare \`node -e 0\`: ${median(nodeOnly).toFixed(0)} ms)`);
}
