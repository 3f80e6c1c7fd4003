/**
 * Proof by the official tool: the v3 directories we write are linted clean by `postman collection lint` and run
 * green by `postman collection run` (Postman CLI 1.34.0, the runtime of Postman v12's users) against the real
 * emulator, and the same directory run through our `run --collection` gives the same counts (for the generated
 * collection, our side is test/formats/v3/generate-run-cli.test.ts: 32 requests, 36 assertions). Three sets, written
 * once into one folder and linted in one pass (the Postman CLI costs ~3 s of CPU per start): the generated
 * collection (Token + API); a collection of a user's (Unico's by-Client stand-in) that the Postman CLI's own
 * `collection migrate` turned into v3, wrapped by us; and Unico's three stand-ins wrapped straight into v3.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RunningEmulator } from '../../../src/emulator';
import { runCli } from '../../helpers/cli';
import { startTestEmulator } from '../../helpers/emulator';
import { describeWithPostmanCli, postmanCliCount, runPostmanCli } from '../../helpers/postman-cli';
import { standInFile } from '../../collection/wrap-support';
import { summaryRow, testAccount, TestAccount } from '../../runner/emulator-fixture';

jest.setTimeout(420_000);

describeWithPostmanCli('the Postman CLI lints and runs our v3 directories; our run gives the same counts', () => {
  let account: TestAccount;
  const emulators: RunningEmulator[] = [];
  beforeAll(() => {
    account = testAccount();
  });
  afterAll(async () => {
    await Promise.all(emulators.map((e) => e.close()));
    account.cleanup();
  });

  interface Written {
    /** `generate --format v3`: the collection directory and its environment file. */
    generated: { collection: string; env: string };
    /** by-Client migrated by the Postman CLI, then wrapped by us (v3 in, v3 out). */
    migrated: { collection: string; env: string; wrapStdout: string };
    /** The three stand-ins wrapped straight into v3: their collections folder and environment file. */
    standIns: { collections: string; env: string };
  }

  /** Everything the tests lint and run, written once (lazily, by the first test that needs it) under one folder. */
  let written: Promise<Written> | undefined;
  const write = (): Promise<Written> => (written ??= (async () => {
    const root = path.join(account.dir, 'written');
    const env = (out: string) => path.join(out, 'postman', 'environments', 'idcloud-local.environment.yaml');
    const placeholder = ['--env', 'local=http://127.0.0.1:1', '--iss', account.iss];

    const generatedOut = path.join(root, 'generated');
    const migrated = path.join(root, 'migrated');
    const [gen, migrate] = await Promise.all([
      runCli(['generate', '--format', 'v3', '--out', generatedOut, ...placeholder]),
      runPostmanCli(['collection', 'migrate', standInFile('by-client'), '-o', migrated]),
    ]);
    expect(gen.exitCode).toBe(0);
    expect(migrate.exitCode).toBe(0);

    const wrappedOut = path.join(root, 'wrapped');
    const wrap = await runCli(['wrap', migrated, '--out', wrappedOut, ...placeholder]);
    expect(wrap.stderr).toBe('');
    expect(wrap.exitCode).toBe(0);
    const [wrappedName] = fs.readdirSync(path.join(wrappedOut, 'postman', 'collections'));

    const standInsOut = path.join(root, 'stand-ins');
    for (const name of ['web-sdk', 'by-client', 'authentication'] as const) {
      const r = await runCli(['wrap', standInFile(name), '--out', standInsOut, '--format', 'v3', ...placeholder]);
      expect(r.exitCode).toBe(0);
    }
    return {
      generated: { collection: path.join(generatedOut, 'postman', 'collections', 'Unico IDCloud authentication'), env: env(generatedOut) },
      migrated: { collection: path.join(wrappedOut, 'postman', 'collections', wrappedName), env: env(wrappedOut), wrapStdout: wrap.stdout },
      standIns: { collections: path.join(standInsOut, 'postman', 'collections'), env: env(standInsOut) },
    };
  })());

  type Counts = { requests: number; assertions: number };

  /** `postman collection run` of the directory against its own fresh emulator: green, and its counts. */
  async function runTheirs(collectionDir: string, envFile: string, folders: string[]): Promise<Counts> {
    const theirs = await startTestEmulator();
    emulators.push(theirs);
    // The environment file as written, pointed at this emulator (its URL is known only now).
    const env = fs.readFileSync(envFile, 'utf8').replace(/http:\/\/127\.0\.0\.1:1(?=\n|$)/gm, theirs.url);
    const runEnv = path.join(path.dirname(envFile), `run-${path.basename(collectionDir)}-${path.basename(envFile)}`);
    fs.writeFileSync(runEnv, env);
    const run = await runPostmanCli([
      'collection', 'run', collectionDir, '-e', runEnv, '--env-var', `private_key=${account.pem}`, '--env-var', `api_key=${account.apiKey}`, ...folders.flatMap((f) => ['-i', f]),
    ]);
    const requests = postmanCliCount(run.output, 'requests');
    const assertions = postmanCliCount(run.output, 'assertions');
    if (run.exitCode !== 0) throw new Error(`postman collection run failed (exit ${run.exitCode}):\n${run.output.slice(-3000)}`);
    expect(requests?.failed).toBe(0);
    expect(assertions?.failed).toBe(0);
    return { requests: requests!.executed, assertions: assertions!.executed };
  }

  /**
   * Our `run --collection` of the same directory against its own fresh emulator: green with the Postman CLI's counts.
   * `sentByScripts`: requests the layer sends with pm.sendRequest (the token exchange), which our summary counts and
   * the Postman CLI's does not.
   */
  async function runOursLike(theirs: Counts, collectionDir: string, folders: string[], sentByScripts = 0): Promise<void> {
    const ours = await startTestEmulator();
    emulators.push(ours);
    const r = await runCli(
      ['run', '--collection', collectionDir, '--env', `local=${ours.url}`, '--iss', account.iss, '--key', account.keyFile, '--api-key', account.apiKey, ...folders.flatMap((f) => ['--folder', f])],
      { timeoutMs: 200_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(summaryRow(r.stdout, 'local')).toMatchObject({ requests: theirs.requests + sentByScripts, passed: theirs.assertions, failed: 0, verdict: 'PASS' });
  }

  test.concurrent('lint: every directory written here is clean in one pass (generated, migrated by the Postman CLI then wrapped, the three stand-ins)', async () => {
    const { generated, migrated, standIns } = await write();
    const lint = await runPostmanCli(['collection', 'lint', path.join(account.dir, 'written')]);
    expect(lint.output).toContain('No issues found.');
    expect(lint.exitCode).toBe(0);
    // The pass covered every set: each collection directory is there to be scanned.
    for (const dir of [generated.collection, migrated.collection, path.join(standIns.collections, 'Authentication - Oauth2 (stand-in)')]) expect(fs.existsSync(dir)).toBe(true);
    expect(fs.readdirSync(standIns.collections)).toHaveLength(3);
  });

  test.concurrent('generate --format v3: Token + API green in the Postman CLI (32 requests, 36 assertions: our run\'s counts)', async () => {
    const { generated } = await write();
    // Our run of the same directory gives the same counts in test/formats/v3/generate-run-cli.test.ts.
    expect(await runTheirs(generated.collection, generated.env, ['Token', 'API'])).toEqual({ requests: 32, assertions: 36 });
  });

  test.concurrent("a user's v2.1 collection migrated by `postman collection migrate`, wrapped by us: green in both", async () => {
    const { migrated } = await write();
    expect(migrated.wrapStdout).toContain('left out: saved examples (responses)');
    const theirs = await runTheirs(migrated.collection, migrated.env, []);
    // Create and read a process with the layer's token and APIKEY; the user's own tests pass, and the layer's own
    // check on each request it authenticated (issue 20) runs in the Postman CLI as in our run.
    expect(theirs).toEqual({ requests: 2, assertions: 4 });
    await runOursLike(theirs, migrated.collection, [], 1);
  });

  test.concurrent("Unico's three stand-ins wrapped straight into v3: Authentication (its jsrsasign signer removed) green in both", async () => {
    const { standIns } = await write();
    const [authentication] = fs.readdirSync(standIns.collections).filter((c) => c.startsWith('Authentication'));
    const collection = path.join(standIns.collections, authentication);
    const theirs = await runTheirs(collection, standIns.env, []);
    // The JWT Bearer Grant, signed by the layer, and our five checks of its answer.
    expect(theirs).toEqual({ requests: 1, assertions: 5 });
    await runOursLike(theirs, collection, []);
  });
});
