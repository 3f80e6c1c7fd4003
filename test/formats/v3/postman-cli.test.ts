/**
 * Proof by the official tool: the v3 directories we write are linted clean by `postman collection lint` and run
 * green by `postman collection run` (Postman CLI 1.34.0, the runtime of Postman v12's users) against the real
 * emulator, and the same directory run through our `run --collection` gives the same counts. Two directories: the
 * generated collection (Token + API), and a collection of a user's (Unico's by-Client stand-in) that the Postman
 * CLI's own `collection migrate` turned into v3, wrapped by us; and Unico's three stand-ins wrapped straight into v3.
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

  /** Lint, the Postman CLI's run, ours: each of the last two against its own fresh emulator. */
  /** `sentByScripts`: requests the layer sends with pm.sendRequest (the token exchange), which our summary counts and the Postman CLI's does not. */
  async function prove(collectionDir: string, envFile: string, ourEnv: (url: string) => string, folders: string[], sentByScripts = 0): Promise<{ requests: number; assertions: number }> {
    const lint = await runPostmanCli(['collection', 'lint', collectionDir]);
    expect(lint.output).toContain('No issues found.');
    expect(lint.exitCode).toBe(0);

    const theirs = await startTestEmulator();
    emulators.push(theirs);
    // The environment file as written, pointed at this emulator (its URL is known only now).
    const env = fs.readFileSync(envFile, 'utf8').replace(/http:\/\/127\.0\.0\.1:1(?=\n|$)/gm, theirs.url);
    const runEnv = path.join(path.dirname(envFile), `run-${path.basename(envFile)}`);
    fs.writeFileSync(runEnv, env);
    const run = await runPostmanCli([
      'collection', 'run', collectionDir, '-e', runEnv, '--env-var', `private_key=${account.pem}`, '--env-var', `api_key=${account.apiKey}`, ...folders.flatMap((f) => ['-i', f]),
    ]);
    const requests = postmanCliCount(run.output, 'requests');
    const assertions = postmanCliCount(run.output, 'assertions');
    if (run.exitCode !== 0) throw new Error(`postman collection run failed (exit ${run.exitCode}):\n${run.output.slice(-3000)}`);
    expect(requests?.failed).toBe(0);
    expect(assertions?.failed).toBe(0);

    const ours = await startTestEmulator();
    emulators.push(ours);
    const r = await runCli(
      ['run', '--collection', collectionDir, '--env', ourEnv(ours.url), '--iss', account.iss, '--key', account.keyFile, '--api-key', account.apiKey, ...folders.flatMap((f) => ['--folder', f])],
      { timeoutMs: 200_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(summaryRow(r.stdout, 'local')).toMatchObject({ requests: requests!.executed + sentByScripts, passed: assertions!.executed, failed: 0, verdict: 'PASS' });
    return { requests: requests!.executed, assertions: assertions!.executed };
  }

  test.concurrent('generate --format v3: lint clean, Token + API green in the Postman CLI and in our run (32 requests, 36 assertions)', async () => {
    const out = path.join(account.dir, 'generated');
    const gen = await runCli(['generate', '--format', 'v3', '--out', out, '--env', 'local=http://127.0.0.1:1', '--iss', account.iss]);
    expect(gen.exitCode).toBe(0);
    const counts = await prove(
      path.join(out, 'postman', 'collections', 'Unico IDCloud authentication'),
      path.join(out, 'postman', 'environments', 'idcloud-local.environment.yaml'),
      (url) => `local=${url}`,
      ['Token', 'API'],
    );
    expect(counts).toEqual({ requests: 32, assertions: 36 });
  });

  test.concurrent("a user's v2.1 collection migrated by `postman collection migrate`, wrapped by us: lint clean, green in both", async () => {
    const migrated = path.join(account.dir, 'migrated');
    const migrate = await runPostmanCli(['collection', 'migrate', standInFile('by-client'), '-o', migrated]);
    expect(migrate.exitCode).toBe(0);
    const out = path.join(account.dir, 'wrapped');
    const wrap = await runCli(['wrap', migrated, '--out', out, '--env', 'local=http://127.0.0.1:1', '--iss', account.iss]);
    expect(wrap.stderr).toBe('');
    expect(wrap.exitCode).toBe(0);
    expect(wrap.stdout).toContain('left out: saved examples (responses)');
    const [name] = fs.readdirSync(path.join(out, 'postman', 'collections'));
    const counts = await prove(path.join(out, 'postman', 'collections', name), path.join(out, 'postman', 'environments', 'idcloud-local.environment.yaml'), (url) => `local=${url}`, [], 1);
    // Create and read a process with the layer's token and APIKEY; the user's own tests pass, and the layer's own
    // check on each request it authenticated (issue 20) runs in the Postman CLI as in our run.
    expect(counts).toEqual({ requests: 2, assertions: 4 });
  });

  test.concurrent("Unico's three stand-ins wrapped straight into v3: lint clean; Authentication (its jsrsasign signer removed) green in both", async () => {
    const out = path.join(account.dir, 'stand-ins');
    for (const name of ['web-sdk', 'by-client', 'authentication'] as const) {
      const wrap = await runCli(['wrap', standInFile(name), '--out', out, '--format', 'v3', '--env', 'local=http://127.0.0.1:1', '--iss', account.iss]);
      expect(wrap.exitCode).toBe(0);
    }
    const collections = path.join(out, 'postman', 'collections');
    const lint = await runPostmanCli(['collection', 'lint', collections]);
    expect(lint.output).toContain('No issues found.');
    expect(lint.exitCode).toBe(0);
    const [authentication] = fs.readdirSync(collections).filter((c) => c.startsWith('Authentication'));
    const counts = await prove(path.join(collections, authentication), path.join(out, 'postman', 'environments', 'idcloud-local.environment.yaml'), (url) => `local=${url}`, []);
    // The JWT Bearer Grant, signed by the layer, and our five checks of its answer.
    expect(counts).toEqual({ requests: 1, assertions: 5 });
  });
});
