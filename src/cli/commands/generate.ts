/**
 * `generate --out DIR --env E... (--payload F | --iss I) [--key K --embed-key] [--api-key K] [--config F]`:
 * writes the collection and one environment file per `--env`. Secrets go into environment files only with
 * `--embed-key`, which warns.
 */
import type { CliCommand } from '../command';
import { warnTo } from '../io';
import { EXIT, errorClass, InputError, readAll } from '../../errors';
import { withApiKeyOption, withConfigOption, withEnvironmentOptions, withPayloadOptions, withRequired } from '../options';

export class GenerateUsageError extends errorClass(InputError, 'ERR_GENERATE_USAGE') {}

export const EMBED_KEY_WARNING =
  'warning: --embed-key writes the private key (and APIKEY) into the environment files; keep them out of version control and shared workspaces';

export const generateCommand: CliCommand = {
  command: 'generate',
  describe: 'write the Postman collection and one environment file per --env',
  builder: (y) =>
    withRequired(withConfigOption(withApiKeyOption(withPayloadOptions(withEnvironmentOptions(y))))
      .option('key', { type: 'string', describe: 'RSA private key PEM file: read only with --embed-key [env IDCLOUD_PRIVATE_KEY_FILE, or the PEM text in IDCLOUD_PRIVATE_KEY]' })
      .option('out', { type: 'string', describe: 'directory to write idcloud.postman_collection.json and idcloud-<env>.postman_environment.json into (v3: postman/collections/<name>/ and postman/environments/)' })
      .option('format', { type: 'string', choices: ['v2.1', 'v3'], default: 'v2.1', describe: "v2.1 (JSON files) or v3 (Postman v12's git-native YAML directory, for a repository's postman/ folder)" })
      .option('embed-key', { type: 'boolean', default: false, describe: 'write private_key (from --key) and api_key into the environment files (prints a warning)' })
      .option('max-invalid', { type: 'number', describe: 'max_invalid_attempts written into the environment files (default 20)' }), ['out', 'env', 'payload', 'iss'])
      .example('$0 generate --env uat --env production --payload svc.payload.json --out collections/', 'the collection and one environment file per --env, to import into Postman'),
  run: async (args, io) => {
    // Loaded here so that `--help` stays fast.
    const { generateCollection, writeGeneratedFiles } = await import('../../collection');
    const { environmentNames, environmentApiKey, environmentKeyInput, environmentPayloadInput, loadCliEnvironments, loadKeyInput, loadPayloadInput, numberArg, readPerEnvironment, stringArg, warnAboutAudience } = await import('../inputs');
    const env = io.env;
    const embedKey = args['embed-key'] === true;
    // Each environment file gets its own account's iss (and, embedded, its own key and APIKEY).
    const [out, environments, accounts] = readAll(
      () => {
        const dir = stringArg(args.out);
        if (!dir) throw new GenerateUsageError('--out: give the directory to write the collection and environment files into');
        return dir;
      },
      () => loadCliEnvironments(args),
      () => readPerEnvironment(environmentNames(args), (name) => ({
        payload: loadPayloadInput(environmentPayloadInput(args, env, name)),
        apiKey: environmentApiKey(args, env, name),
        privateKeyPem: embedKey ? loadKeyInput(environmentKeyInput(args, env, name), env).pem : undefined,
      })),
    );
    const maxInvalidAttempts = numberArg(args, 'max-invalid', { whole: true, min: 0 });
    for (const e of environments) warnAboutAudience(accounts.get(e.name)!.payload, [e], warnTo(io));
    const perEnvironment = Object.fromEntries(environments.map((e) => {
      const { payload, apiKey, privateKeyPem } = accounts.get(e.name)!;
      return [e.name, { iss: payload.iss, apiKey, privateKeyPem }];
    }));
    if (embedKey) {
      io.stderr.write(`idcloud-postman: ${EMBED_KEY_WARNING}\n`);
    } else if (Object.values(perEnvironment).some((v) => v.apiKey)) {
      io.stderr.write('idcloud-postman: note: the APIKEY is not written without --embed-key; fill api_key in the environment (or pass --env-var api_key=... to newman)\n');
    }
    const files = generateCollection({ environments, perEnvironment, embedKey, maxInvalidAttempts });
    const written = writeGeneratedFiles(out, files, args.format === 'v3' ? 'v3' : 'v2.1');
    io.stdout.write([written.collectionFile, ...written.environmentFiles].map((f) => `wrote ${f}\n`).join(''));
    return { exitCode: EXIT.OK };
  },
};
