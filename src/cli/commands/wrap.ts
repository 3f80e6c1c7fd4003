/**
 * `wrap IN.json --out DIR --env E... (--payload F | --iss I) [--config F]`: the same collection plus the auth
 * layer (src/collection/wrap), written as DIR/<IN's file name> with one environment file per `--env`. Prints
 * what it did. Never writes over IN.
 */
import path from 'node:path';
import type { CliCommand } from '../command';
import { EXIT } from '../../errors';
import { withConfigOption, withCredentialOptions, withEnvironmentOptions } from '../options';

export const wrapCommand: CliCommand = {
  command: 'wrap <collection>',
  describe: "make an existing collection (v2.0/v2.1) authenticate by itself: add the auth layer, map Unico's hosts, fold placeholder credentials; writes --out/<its file name> and one environment file per --env",
  builder: (y) =>
    withConfigOption(withCredentialOptions(withEnvironmentOptions(y)))
      .positional('collection', { type: 'string', describe: 'the collection to wrap (Postman Collection v2.1 or v2.0 JSON); never written to' })
      .option('out', { type: 'string', describe: 'directory to write the wrapped collection (same file name) and idcloud-<env>.postman_environment.json into' }),
  run: async (args) => {
    // Loaded here so that `--help` stays fast.
    const { readCollectionFile, reportLines, wrapCollection, wrappedCollectionPath, writeWrappedFiles, WrapUsageError } = await import('../../collection/wrap');
    const { loadPayload } = await import('../../credentials');
    const { loadCliEnvironments, stringArg } = await import('../inputs');
    const input = stringArg(args.collection);
    if (!input) throw new WrapUsageError('wrap: give the collection file to wrap (wrap IN.json --out DIR --env E --iss I)');
    const out = stringArg(args.out);
    if (!out) throw new WrapUsageError('--out: give the directory to write the wrapped collection and environment files into');
    const environments = loadCliEnvironments(args);
    const payload = loadPayload({ file: stringArg(args.payload), iss: stringArg(args.iss), env: process.env });
    // Before any work: a wrap that would replace its own input is refused outright.
    wrappedCollectionPath(input, out);
    const { collection, report } = wrapCollection(readCollectionFile(input), { source: path.basename(input) });
    const written = writeWrappedFiles(input, out, collection, environments, { iss: payload.iss });
    process.stdout.write([...reportLines(report), ...[written.collectionFile, ...written.environmentFiles].map((f) => `wrote ${f}`)].map((line) => `${line}\n`).join(''));
    return { exitCode: EXIT.OK };
  },
};
