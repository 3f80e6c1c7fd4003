/**
 * `run`: the collection (generated in memory, or --collection FILE: generated or wrapped) run by Newman for
 * every --env, in parallel, with live progress, a summary table, reports, and the verdict as the exit code;
 * in GitHub Actions also the job summary and error annotations.
 * Heavy modules (Newman, the SDK, the runner) load inside the handler so that `--help` stays fast.
 */
import type { CliCommand } from '../command';
import { readAll } from '../../errors';
import { ioReporterOptions, warnTo } from '../io';
import { withApiKeyOption, withConfigOption, withCredentialOptions, withEnvironmentOptions, withNetworkOptions, withReportersOption, withRequired, withTimeoutOption } from '../options';

export const runCommand: CliCommand = {
  command: 'run',
  describe: 'run the suites with Newman for each --env (in parallel), report, and exit with the verdict',
  builder: (y) =>
    withNetworkOptions(withTimeoutOption(
      withReportersOption(
        withConfigOption(withApiKeyOption(withRequired(withEnvironmentOptions(withCredentialOptions(y)), ['env', 'payload', 'iss', 'key'])))
          .option('suite', { type: 'string', describe: 'smoke|errors|all: smoke = Token + API; errors = Token errors (invalid attempts!). Default: all on loopback, smoke elsewhere' })
          .option('max-invalid', { type: 'number', describe: 'at most this many invalid authentication attempts per environment (default 20 off loopback)' })
          .option('allow-production-errors', { type: 'boolean', default: false, describe: 'allow the errors suite against production (it can lock the account)' })
          .option('report-dir', { type: 'string', describe: 'write per-environment reports here (idcloud-<env>.junit.xml, .json, .html)' }),
        'default cli, plus every file reporter with --report-dir; in GitHub Actions github-summary (GITHUB_STEP_SUMMARY) and github-annotations (GITHUB_ACTIONS=true) join by themselves',
      )
        .option('collection', { type: 'string', describe: 'run this collection (generated or wrapped: a v2.1 JSON file, or a v3 directory postman/collections/<name>/) instead of generating one; without our folders it runs whole' })
        .option('folder', { type: 'string', array: true, describe: "run only this folder or request of the collection (repeatable, as newman's --folder); Token errors off loopback still needs --suite errors" }),
      'each request (also the reachability check)',
    ))
      .example('$0 run --env uat --payload svc.payload.json --key svc.key.pem --report-dir reports', 'the smoke suite against UAT, with JUnit/JSON reports')
      .example('$0 run --env local=http://127.0.0.1:8780 --payload svc.payload.json --key svc.key.pem --api-key "$APIKEY"', 'every suite against the emulator'),
  run: async (args, io) => {
    const { cliNetworkSettings, durationMsArg, environmentNames, listArg, loadEnvironmentAccounts, loadCliEnvironments, numberArg, readCollectionFile, stringArg, warnAboutAudience } = await import('../inputs');
    const env = io.env;
    // Each environment signs with its own account where it has one (Unico issues one per environment).
    const [environments, accounts] = readAll(() => loadCliEnvironments(args), () => loadEnvironmentAccounts(args, env, environmentNames(args)));
    for (const e of environments) warnAboutAudience(accounts.get(e.name)!.credentials.payload, [e], warnTo(io));
    const collectionFile = stringArg(args.collection);
    const note = (line: string) => io.stderr.write(`idcloud-postman: note: ${line}\n`);
    const collection = collectionFile ? readCollectionFile(collectionFile, '--collection', note) : (await import('../../collection')).buildCollection();
    const { environmentFile } = await import('../../collection/environment-file');
    const { runSuites } = await import('../../runner');
    const run = runSuites({
      collection,
      environments: environments.map((e) => {
        const { credentials, apiKey } = accounts.get(e.name)!;
        return { env: e, envJson: environmentFile(e, { iss: credentials.iss }).json, secrets: { privateKeyPem: credentials.key.pem, apiKey } };
      }),
      suite: stringArg(args.suite) as 'smoke' | 'errors' | 'all' | undefined,
      folders: listArg(args.folder, { commas: false }),
      maxInvalid: numberArg(args, 'max-invalid', { whole: true, min: 0 }),
      allowProductionErrors: Boolean(args['allow-production-errors']),
      reportDir: stringArg(args['report-dir']),
      reporters: listArg(args.reporters),
      reporterOptions: ioReporterOptions(io),
      network: cliNetworkSettings(args, io.env),
      timeoutMs: durationMsArg(args, 'timeout', warnTo(io)),
      // The CI reporters read GITHUB_STEP_SUMMARY and GITHUB_ACTIONS from here.
      processEnv: io.env,
    });
    const result = await run.done;
    // Also on stderr, one line each: CI logs highlight it, and it shows even without the cli reporter.
    for (const env of result.environments) {
      if (env.reason) io.stderr.write(`idcloud-postman: ${env.name}: ${run.scrubber.scrub(env.reason)}\n`);
    }
    const { reporterFailureLine } = await import('../../runner/verdict');
    for (const failure of result.reporterFailures) io.stderr.write(`idcloud-postman: ${reporterFailureLine(failure)}\n`);
    return { exitCode: result.exitCode };
  },
};
