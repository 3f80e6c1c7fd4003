/**
 * `run`: the collection (generated in memory, or --collection FILE) run by Newman for every --env, in
 * parallel, with live progress, a summary table, reports, and the verdict as the exit code.
 * Heavy modules (Newman, the SDK, the runner) load inside the handler so that `--help` stays fast.
 */
import fs from 'node:fs';
import type { CliCommand } from '../command';
import { InputError } from '../../errors';
import { withApiKeyOption, withConfigOption, withCredentialOptions, withEnvironmentOptions } from '../options';

export class CollectionFileError extends InputError {
  constructor(message: string) {
    super('ERR_COLLECTION_FILE', message);
  }
}

/** A Postman v2.1 collection read from a file; one line naming the file when it is not one. */
export function readCollectionFile(file: string): object {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CollectionFileError(`--collection: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CollectionFileError(`--collection: ${file} is not JSON; give a Postman v2.1 collection file (e.g. from idcloud-postman generate)`);
  }
  const item = (json as { item?: unknown } | null)?.item;
  if (typeof json !== 'object' || json === null || !Array.isArray(item)) {
    throw new CollectionFileError(`--collection: ${file} is not a Postman v2.1 collection (no "item" list)`);
  }
  return json;
}

function optionalNumber(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InputError('ERR_USAGE', `${flag}: "${String(value)}" is not a number`);
  return n;
}

export const runCommand: CliCommand = {
  command: 'run',
  describe: 'run the suites with Newman for each --env (in parallel), report, and exit with the verdict',
  builder: (y) =>
    withConfigOption(withApiKeyOption(withEnvironmentOptions(withCredentialOptions(y))))
      .option('suite', { type: 'string', describe: 'smoke|errors|all: smoke = Token + API; errors = Token errors (invalid attempts!). Default: all on loopback, smoke elsewhere' })
      .option('max-invalid', { type: 'number', describe: 'at most this many invalid authentication attempts per environment (default 20 off loopback)' })
      .option('allow-production-errors', { type: 'boolean', default: false, describe: 'allow the errors suite against production (it can lock the account)' })
      .option('report-dir', { type: 'string', describe: 'write per-environment reports here (idcloud-<env>.junit.xml, .json, .html)' })
      .option('reporters', { type: 'string', describe: 'comma-separated among cli,junit,json,htmlextra (default cli, plus every file reporter with --report-dir)' })
      .option('collection', { type: 'string', describe: 'run this collection file instead of generating one' })
      .option('timeout', { type: 'number', default: 15000, describe: 'per-request timeout in ms (also the reachability check)' }),
  run: async (args) => {
    const { loadCliCredentials, loadCliEnvironments, cliApiKey } = await import('../inputs');
    const credentials = loadCliCredentials(args);
    const environments = loadCliEnvironments(args);
    const apiKey = cliApiKey(args);
    const collectionFile = typeof args.collection === 'string' && args.collection !== '' ? args.collection : undefined;
    const userCollection = collectionFile ? readCollectionFile(collectionFile) : undefined;

    const { generateCollection } = await import('../../collection');
    const generated = generateCollection({ environments, iss: credentials.iss });
    const { runSuites } = await import('../../runner');
    const { attachConsoleReporter } = await import('../../runner/console-reporter');
    const run = runSuites({
      collection: userCollection ?? generated.collection,
      environments: environments.map((env) => ({ env, envJson: generated.environments.find((e) => e.name === env.name)!.json })),
      secrets: { privateKeyPem: credentials.key.pem, apiKey },
      suite: args.suite as 'smoke' | 'errors' | 'all' | undefined,
      maxInvalid: optionalNumber(args['max-invalid'], '--max-invalid'),
      allowProductionErrors: Boolean(args['allow-production-errors']),
      reportDir: typeof args['report-dir'] === 'string' ? args['report-dir'] : undefined,
      reporters: typeof args.reporters === 'string' ? [args.reporters] : undefined,
      timeoutMs: optionalNumber(args.timeout, '--timeout'),
    });
    if (run.reporters.includes('cli')) attachConsoleReporter(run);
    const result = await run.done;
    // Also on stderr, one line each: CI logs highlight it, and it shows even without the cli reporter.
    for (const env of result.environments) {
      if (env.reason) process.stderr.write(`idcloud-postman: ${env.name}: ${run.scrubber.scrub(env.reason)}\n`);
    }
    return { exitCode: result.exitCode };
  },
};
