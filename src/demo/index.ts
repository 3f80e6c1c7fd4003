/**
 * The demo: the whole product on an embedded default, with no setup. A throwaway service account, the
 * emulator on a free loopback port, the collection generated and written, every suite run by Newman,
 * reports written — and the emulator closed again. The private key is written only when asked.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { generateCollection, writeGeneratedFiles } from '../collection';
import { generateServiceAccount, writeServiceAccount } from '../credentials';
import { makeEnvironment } from '../environments';
import { EMULATOR_DEFAULTS, startEmulator } from '../emulator';
import { addToAccountsFile } from '../emulator/accounts-file';
import { EMULATOR_CLI_PORT } from '../emulator/options';
import { environmentFile } from '../collection/environment-file';
import type { EmulatorFlaw } from '../emulator/flaws';
import { runSuites, RunEmitter, RunResult } from '../runner';
import type { NetworkSettings } from '../network';

export const DEFAULT_DEMO_OUT = path.join('out', 'demo');
export const DEMO_ENVIRONMENT = 'local';

export interface DemoOptions {
  /** Default out/demo. */
  outDir?: string;
  /** Also write the throwaway account (NAME.key.pem, payload, public key) and an emulator accounts file. */
  writeKey?: boolean;
  /** Default: cli + every file reporter installed; the run attaches them by name. */
  reporters?: string[];
  /** Options per reporter name, e.g. `{ cli: { stream } }`. */
  reporterOptions?: Record<string, unknown>;
  /** Emulator flaw switches: show the suites catching a server that is too lenient. */
  flaws?: EmulatorFlaw[];
  /**
   * The emulator's rate limit, requests per second per tenant; default Unico's 10, 0 = off. With it on, a
   * full run meets a 429 or two and the collection's wait-and-retry is shown working (and costs ~1 s each).
   */
  rateLimit?: number;
  /**
   * Environment variables for the CI reporters, as `run` takes them (RunSuitesOptions.processEnv): with
   * GITHUB_STEP_SUMMARY set the demo's summary lands on the job's page too. The CLI passes its own; default none.
   */
  processEnv?: Readonly<Record<string, string | undefined>>;
  /** Proxies and extra trusted CAs for Newman's requests, as `run` takes them (RunSuitesOptions.network). */
  network?: NetworkSettings;
  /** Called with the run before it starts, e.g. to listen to its events. */
  onRun?: (run: RunEmitter) => void;
}

export interface DemoFiles {
  collectionFile: string;
  environmentFiles: string[];
  reports: string[];
  /** Only with writeKey. */
  account?: { keyFile: string; payloadFile: string; publicKeyFile: string; accountsFile: string };
}

export interface DemoResult {
  result: RunResult;
  files: DemoFiles;
  /** Where the emulator listened (closed by now). */
  emulatorUrl: string;
  /** The emulator's rate limit in requests per second (0 = off). */
  rateLimit: number;
}

export async function runDemo(opts: DemoOptions = {}): Promise<DemoResult> {
  const outDir = opts.outDir ?? DEFAULT_DEMO_OUT;
  const account = generateServiceAccount({ account: 'demo' });
  const apiKey = `demo-${randomBytes(12).toString('hex')}`;
  const rateLimit = opts.rateLimit ?? EMULATOR_DEFAULTS.rateLimit;
  const emulator = await startEmulator({
    accounts: [{ iss: account.iss, publicKey: account.publicKeyPem, apiKey, status: 'active' }],
    port: 0,
    flaws: opts.flaws,
    rateLimit,
  });
  try {
    // The run goes to this emulator's free port; the environment file written points at the port
    // `idcloud-postman emulator` listens on, where it still works after the demo (see demo --write-key).
    const env = makeEnvironment(DEMO_ENVIRONMENT, { identityUrl: emulator.url });
    const lasting = makeEnvironment(DEMO_ENVIRONMENT, { identityUrl: `http://127.0.0.1:${EMULATOR_CLI_PORT}` });
    const generated = generateCollection({ environments: [lasting], iss: account.iss });
    const written = writeGeneratedFiles(outDir, generated);
    const run = runSuites({
      collection: generated.collection,
      environments: [{ env, envJson: environmentFile(env, { iss: account.iss }).json }],
      secrets: { privateKeyPem: account.privateKeyPem, apiKey },
      suite: 'all',
      reportDir: path.join(outDir, 'reports'),
      reporters: opts.reporters,
      reporterOptions: opts.reporterOptions,
      processEnv: opts.processEnv,
      network: opts.network,
    });
    opts.onRun?.(run);
    const result = await run.done;
    const files: DemoFiles = { ...written, reports: result.environments.flatMap((e) => e.reports) };
    if (opts.writeKey) {
      const accountDir = path.join(outDir, 'account');
      const accountFiles = writeServiceAccount(accountDir, 'demo', account, { force: true });
      const accountsFile = path.join(accountDir, 'accounts.json');
      // A new file each time: the throwaway account replaces the last demo's.
      addToAccountsFile(accountsFile, { iss: account.iss, publicKey: 'demo.pub.pem', apiKey, status: 'active' }, []);
      files.account = { ...accountFiles, accountsFile };
    }
    return { result, files, emulatorUrl: emulator.url, rateLimit };
  } finally {
    await emulator.close();
  }
}
