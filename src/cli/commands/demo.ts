/**
 * `demo`: the main job with no setup (throwaway account, emulator, generate, every suite, reports).
 * Prints the verdict and the paths it wrote; exits with the verdict.
 */
import type { CliCommand } from '../command';
import { EMULATOR_FLAWS, isEmulatorFlaw, EmulatorFlaw } from '../../emulator/flaws';
import { ioReporterOptions } from '../io';
import { UsageError } from '../usage-error';
import { withReportersOption } from '../options';
import { EMULATOR_CLI_PORT } from '../../emulator/options';
import type { DemoFiles } from '../../demo';

/** From the demo to "import into Postman and send": the emulator serving the demo's account where the environment file points. */
function nextSteps(outDir: string, files: DemoFiles): string[] {
  const environmentFile = files.environmentFiles[0];
  if (!files.account) {
    return [`to send the collection from Postman or Newman: idcloud-postman demo --write-key --out ${outDir}, then serve its account with the emulator`];
  }
  return [
    `next: idcloud-postman emulator --accounts ${files.account.accountsFile}   # serves this account on http://127.0.0.1:${EMULATOR_CLI_PORT} until Ctrl-C`,
    `then: npx newman run ${files.collectionFile} -e ${environmentFile} --env-var "private_key=$(cat ${files.account.keyFile})"`,
    `  or in Postman: import ${files.collectionFile} and ${environmentFile}, paste ${files.account.keyFile} into private_key, send`,
  ];
}

export const demoCommand: CliCommand = {
  command: 'demo',
  describe: 'the main job, no setup: throwaway account + local emulator + generate + run every suite + reports',
  builder: (y) =>
    withReportersOption(
      y
        .option('out', { type: 'string', default: 'out/demo', describe: 'write the collection, environment and reports here' })
        .option('write-key', { type: 'boolean', default: false, describe: "also write the throwaway account's private key, payload and an emulator accounts file" }),
      'default: all installed',
    )
      .option('rate-limit', { type: 'number', default: 10, describe: "the emulator's rate limit, requests/second (Unico's is 10; 0 = off): over it the server answers 429 and the collection waits and retries" })
      .option('flaw', { type: 'string', array: true, describe: `make the emulator break a rule, to see the suites catch it: ${Object.keys(EMULATOR_FLAWS).join(', ')}` })
      .example('$0 demo', 'everything, no setup; the collection, environment and reports land in out/demo/'),
  run: async (args, io) => {
    const flaws = ((args.flaw as unknown[] | undefined) ?? []).map(String);
    for (const flaw of flaws) {
      if (!isEmulatorFlaw(flaw)) throw new UsageError(`--flaw: "${flaw}" is not an emulator flaw; pick among ${Object.keys(EMULATOR_FLAWS).join(', ')}`);
    }
    const { cliNetworkSettings, listArg, numberArg } = await import('../inputs');
    const rateLimit = numberArg(args, 'rate-limit', { whole: true, min: 0, note: '(0 = off)' }) ?? 0;
    const { runDemo } = await import('../../demo');
    const outDir = String(args.out);
    const { files, result } = await runDemo({
      outDir,
      rateLimit,
      writeKey: Boolean(args['write-key']),
      reporters: listArg(args.reporters),
      reporterOptions: ioReporterOptions(io),
      flaws: flaws as EmulatorFlaw[],
      // The CI reporters read GITHUB_STEP_SUMMARY and GITHUB_ACTIONS from here, as for `run`.
      processEnv: io.env,
      // The binary hands the proxy variables to io.env only (src/network decides for Newman), as for `run`.
      network: cliNetworkSettings(args, io.env),
    });
    const waits = result.environments.reduce((n, e) => n + e.rateLimited, 0);
    const lines = [
      '',
      rateLimit > 0
        ? `emulator rate limit: ${rateLimit} requests/s (Unico's is 10); 429 answers waited out: ${waits}${waits > 0 ? " (expected: the errors suite sends token requests faster than that, and the collection waits and retries as it would against Unico; --rate-limit 0 turns it off)" : ''}`
        : 'emulator rate limit: off (--rate-limit 0)',
      `wrote ${files.collectionFile}`,
      ...files.environmentFiles.map((f) => `wrote ${f} (for the emulator at http://127.0.0.1:${EMULATOR_CLI_PORT})`),
      ...(files.account ? [files.account.keyFile, files.account.payloadFile, files.account.publicKeyFile, files.account.accountsFile].map((f) => `wrote ${f}`) : []),
      `demo: ${result.exitCode === 0 ? 'PASS' : 'FAIL'} — run the same collection against Unico: idcloud-postman run --env uat --payload PAYLOAD.json --key KEY.pem`,
      ...nextSteps(outDir, files),
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
    const { reporterFailureLine } = await import('../../runner/verdict');
    for (const failure of result.reporterFailures) io.stderr.write(`idcloud-postman: ${reporterFailureLine(failure)}\n`);
    return { exitCode: result.exitCode };
  },
};
