/**
 * `idcloud-postman emulator`: serves the local IDCloud emulator until SIGINT/SIGTERM, then exits 0.
 * A thin layer over startEmulator; the emulator module is loaded in the handler so `--help` stays fast.
 */
import type { CliCommand } from '../command';
import { EXIT } from '../../errors';
import { EMULATOR_FLAWS, EmulatorFlaw } from '../../emulator/flaws';
import { EMULATOR_CLI_PORT } from '../../emulator/options';


export const emulatorCommand: CliCommand = {
  command: 'emulator',
  describe: 'serve the local IDCloud emulator (token endpoint, discovery, JWKS, product APIs) until interrupted',
  builder: (y) =>
    y
      .option('accounts', { type: 'string', demandOption: true, describe: 'accounts file: {"accounts":[{"iss","publicKey","apiKey","status"}]}' })
      .option('port', { type: 'number', default: EMULATOR_CLI_PORT, describe: 'port to listen on; 0 = a free port' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to listen on' })
      .option('token-lifetime', { type: 'number', default: 3600, describe: 'access-token lifetime and expires_in, seconds' })
      .option('lockout-after', { type: 'number', default: 0, describe: 'invalid attempts per account before 1.2.18; 0 = never' })
      .option('lockout-seconds', { type: 'number', default: 300, describe: 'how long a lockout lasts' })
      .option('rate-limit', { type: 'number', default: 10, describe: 'token requests per second per tenant before 429; 0 = off' })
      .option('lang', { type: 'string', default: 'pt', describe: 'language of error_description: pt or en' })
      .option('clock-skew', { type: 'number', default: 30, describe: 'seconds iat may lie in the future' })
      .option('process-seconds', { type: 'number', default: 0, describe: 'seconds after which a created process finishes by itself; 0 = only when told (POST /_emulator/processes/{id}/finish)' })
      .option('clock-offset', { type: 'number', default: 0, describe: "shift the emulator's clock (and its Date header) by S seconds; negative = behind" })
      .option('flaw', { type: 'string', array: true, describe: `break one rule on purpose (repeatable): ${Object.keys(EMULATOR_FLAWS).join(', ')}` })
      .option('quiet', { type: 'boolean', default: false, describe: 'no per-request log lines' })
      .example('$0 emulator --accounts account/accounts.json', 'serve the accounts keygen wrote on http://127.0.0.1:8780'),
  run: async (args, io) => {
    const { startEmulator, loadAccountsFile } = await import('../../emulator');
    const accounts = loadAccountsFile(String(args.accounts));
    const emulator = await startEmulator({
      accounts,
      host: String(args.host),
      port: args.port as number,
      tokenLifetimeSeconds: args['token-lifetime'] as number,
      lockoutAfter: args['lockout-after'] as number,
      lockoutSeconds: args['lockout-seconds'] as number,
      rateLimit: args['rate-limit'] as number,
      lang: args.lang as 'pt' | 'en', // checked by startEmulator: one-line error naming --lang
      clockSkewSeconds: args['clock-skew'] as number,
      processSeconds: args['process-seconds'] as number,
      clockOffsetSeconds: args['clock-offset'] as number,
      flaws: args.flaw as EmulatorFlaw[] | undefined,
      log: args.quiet ? undefined : (line) => io.stdout.write(`${line}\n`),
    });
    io.stdout.write(`listening on ${emulator.url}\n`);
    await untilSignalled(io.signal);
    await emulator.close();
    return { exitCode: EXIT.OK };
  },
};

/** Until `signal` aborts, or without one until the process gets SIGINT or SIGTERM. */
function untilSignalled(signal: AbortSignal | undefined): Promise<void> {
  if (signal) {
    return signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  }
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
