/**
 * `wrap IN --out DIR --env E... (--payload F | --iss I) [--config F] [--format v2.1|v3]`: the same collection plus
 * the auth layer (src/collection/wrap), written as DIR/<IN's file name> (v2.1) or DIR/postman/collections/<name>/
 * (v3: Postman v12's git-native directory) with one environment file per `--env`. IN is a v2.0/v2.1 JSON file or
 * a v3 directory; the output keeps its format unless --format says otherwise. Prints what it did. Never writes over IN.
 */
import path from 'node:path';
import type { CliCommand } from '../command';
import { EXIT, readAll } from '../../errors';
import { withConfigOption, withEnvironmentOptions, withPayloadOptions, withRequired } from '../options';

export const wrapCommand: CliCommand = {
  command: 'wrap <collection>',
  describe: "make an existing collection (v2.0/v2.1 JSON or a v3 directory) authenticate by itself: add the auth layer, map Unico's hosts, fold placeholder credentials; writes --out/<its file name> (v3: --out/postman/collections/<name>/) and one environment file per --env",
  builder: (y) =>
    withRequired(withConfigOption(withPayloadOptions(withEnvironmentOptions(y)))
      .positional('collection', { type: 'string', describe: 'the collection to wrap (Postman Collection v2.1 or v2.0 JSON, or a v3 directory postman/collections/<name>/); never written to' })
      .option('out', { type: 'string', describe: 'directory to write the wrapped collection (same file name; v3: postman/collections/<name>/) and one environment file per --env into' })
      .option('format', { type: 'string', choices: ['v2.1', 'v3'], describe: "output format: v2.1 (JSON) or v3 (Postman v12's git-native YAML directory); default: the input's" }), ['out', 'env', 'payload', 'iss'])
      .example('$0 wrap "Plataforma Unico.postman_collection.json" --out wrapped/ --env uat --iss "$ISS"', 'your collection, authenticating by itself, plus idcloud-uat.postman_environment.json'),
  run: async (args, io) => {
    // Loaded here so that `--help` stays fast.
    const { readCollectionFile, reportLines, wrapCollection, wrappedCollectionPath, writeWrappedFiles, WrapUsageError } = await import('../../collection/wrap');
    const { isDirectory } = await import('../../formats/v3');
    const { environmentNames, environmentPayloadInput, loadCliEnvironments, loadPayloadInput, readPerEnvironment, stringArg } = await import('../inputs');
    const input = stringArg(args.collection);
    if (!input) throw new WrapUsageError('wrap: give the collection to wrap (wrap IN.json|DIR --out DIR --env E --iss I)');
    const [out, environments, accounts] = readAll(
      () => {
        const dir = stringArg(args.out);
        if (!dir) throw new WrapUsageError('--out: give the directory to write the wrapped collection and environment files into');
        return dir;
      },
      () => loadCliEnvironments(args),
      // Each environment file gets its own account's iss.
      () => readPerEnvironment(environmentNames(args), (name) => ({ iss: loadPayloadInput(environmentPayloadInput(args, io.env, name)).iss })),
    );
    const format = args.format === 'v3' || args.format === 'v2.1' ? args.format : isDirectory(input) ? 'v3' : 'v2.1';
    // Before any work: a wrap that would replace its own input is refused outright (a v3 output's name is known once read).
    if (format === 'v2.1' && !isDirectory(input)) wrappedCollectionPath(input, out);
    const leftOut: string[] = [];
    const { collection, report } = wrapCollection(readCollectionFile(input, (line) => leftOut.push(line)), { source: path.basename(path.resolve(input)) });
    const written = writeWrappedFiles(input, out, collection, environments, {}, format, Object.fromEntries(accounts));
    leftOut.push(...(written.leftOut ?? []));
    const lines = [...reportLines(report), ...leftOut.map((line) => `  ${line}`), ...[written.collectionFile, ...written.environmentFiles].map((f) => `wrote ${f}`)];
    io.stdout.write(lines.map((line) => `${line}
`).join(''));
    return { exitCode: EXIT.OK };
  },
};
