/**
 * `demo`: the main job with no setup (throwaway account, emulator, generate, every suite, reports).
 * Prints the verdict and the paths it wrote; exits with the verdict.
 */
import type { CliCommand } from '../command';
import { EMULATOR_FLAWS, isEmulatorFlaw, EmulatorFlaw } from '../../emulator/flaws';
import { InputError } from '../../errors';

export const demoCommand: CliCommand = {
  command: 'demo',
  describe: 'the main job, no setup: throwaway account + local emulator + generate + run every suite + reports',
  builder: (y) =>
    y
      .option('out', { type: 'string', default: 'out/demo', describe: 'write the collection, environment and reports here' })
      .option('write-key', { type: 'boolean', default: false, describe: "also write the throwaway account's private key, payload and an emulator accounts file" })
      .option('reporters', { type: 'string', describe: 'comma-separated among cli,junit,json,htmlextra (default: all installed)' })
      .option('flaw', { type: 'string', array: true, describe: `make the emulator break a rule, to see the suites catch it: ${Object.keys(EMULATOR_FLAWS).join(', ')}` }),
  run: async (args) => {
    const flaws = ((args.flaw as unknown[] | undefined) ?? []).map(String);
    for (const flaw of flaws) {
      if (!isEmulatorFlaw(flaw)) throw new InputError('ERR_USAGE', `--flaw: "${flaw}" is not an emulator flaw; pick among ${Object.keys(EMULATOR_FLAWS).join(', ')}`);
    }
    const { runDemo } = await import('../../demo');
    const { attachConsoleReporter } = await import('../../runner/console-reporter');
    const outDir = String(args.out);
    const { files, result } = await runDemo({
      outDir,
      writeKey: Boolean(args['write-key']),
      reporters: typeof args.reporters === 'string' ? [args.reporters] : undefined,
      flaws: flaws as EmulatorFlaw[],
      onRun: (run) => {
        if (run.reporters.includes('cli')) attachConsoleReporter(run);
      },
    });
    const lines = [
      '',
      `wrote ${files.collectionFile}`,
      ...files.environmentFiles.map((f) => `wrote ${f}`),
      ...(files.account ? [files.account.keyFile, files.account.payloadFile, files.account.publicKeyFile, files.account.accountsFile].map((f) => `wrote ${f}`) : []),
      `demo: ${result.exitCode === 0 ? 'PASS' : 'FAIL'} — run the same collection against Unico: idcloud-postman run --env uat --payload PAYLOAD.json --key KEY.pem`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return { exitCode: result.exitCode };
  },
};
