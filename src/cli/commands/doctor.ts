import type { CliCommand } from '../command';
import { EXIT, ExitCode, IdcloudPostmanError } from '../../errors';
import { warnTo } from '../io';
import { UsageError } from '../usage-error';
import { envSpecs } from '../inputs/config-file';
import { stringArg } from '../inputs/flags';
import { withConfigOption, withCredentialOptions, withEnvironmentOptions, withRequired, withTimeoutOption } from '../options';

export const doctorCommand: CliCommand = {
  command: 'doctor',
  describe: 'check credentials offline (key, iss, aud vs environment, forbidden claims, --cert match); --online also exchanges one token per --env',
  builder: (y) =>
    withTimeoutOption(withConfigOption(withEnvironmentOptions(withRequired(withCredentialOptions(y), ['payload', 'iss', 'key']))), 'each token endpoint (--online)')
      .option('cert', { type: 'string', describe: 'certificate or public key PEM registered for the account: check that it belongs to the key' })
      .option('online', { type: 'boolean', default: false, describe: 'also perform one token exchange per --env (skipped when an offline check fails)' })
      .example('$0 doctor --payload svc.payload.json --key svc.key.pem --env uat --online', 'check the credentials, then make one real exchange'),
  run: async (args, io) => {
    const { diagnoseCredentials, formatCheckLine } = await import('../../credentials');
    const { loadCliEnvironments } = await import('../inputs');
    const specs = envSpecs(args);
    if (args.online && specs.length === 0) throw new UsageError('doctor --online needs --env (uat, production or NAME=URL)');
    const environments = specs.length > 0 ? loadCliEnvironments(args) : [];
    const diagnosis = diagnoseCredentials({
      payload: stringArg(args.payload), iss: stringArg(args.iss), key: stringArg(args.key), cert: stringArg(args.cert), online: Boolean(args.online), env: io.env, environments,
    });
    const print = (line: Parameters<typeof formatCheckLine>[0]) => io.stdout.write(`${formatCheckLine(line)}\n`);
    diagnosis.lines.forEach(print);
    if (diagnosis.problemCount > 0) {
      const count = diagnosis.problemCount === 1 ? '1 problem' : `${diagnosis.problemCount} problems`;
      const fix = diagnosis.problemCount === 1 ? 'fix it' : 'fix them';
      // Every invalid attempt counts toward Unico's lockout: never go online with known-bad credentials.
      const online = args.online ? ' (--online skipped)' : '';
      io.stderr.write(`idcloud-postman: doctor found ${count}${online}; ${fix} and run doctor again\n`);
      return { exitCode: EXIT.BAD_INPUT };
    }
    if (!args.online || !diagnosis.credentials) {
      const unmatched = diagnosis.lines.some((l) => l.check === 'account' && l.status === 'skip');
      io.stdout.write(unmatched
        ? 'no problem found offline, but the key is not known to be the account\'s: doctor --online --env ENV tries one exchange\n'
        : 'credentials look right offline; doctor --online --env ENV also tries a token exchange\n');
      return { exitCode: EXIT.OK };
    }
    const { exchangeToken, learnedClockOffset, tokenUrlOf } = await import('../../exchange');
    const { clockCheckLine } = await import('../../credentials/diagnose');
    const { durationMsArg } = await import('../inputs');
    const timeoutMs = durationMsArg(args, 'timeout', warnTo(io));
    let exitCode: ExitCode = EXIT.OK;
    for (const env of environments) {
      try {
        const result = await exchangeToken(diagnosis.credentials, env, { timeoutMs, maxRetries: 1 });
        print({ check: 'online', status: 'ok', message: `${env.name}: token issued in ${Math.round(result.elapsedMs)} ms (${result.tokenType}, expires in ${result.expiresIn} s)` });
      } catch (error) {
        if (!(error instanceof IdcloudPostmanError)) throw error;
        print({ check: 'online', status: 'problem', message: error.message, code: error.code });
        exitCode = Math.max(exitCode, error.exitCode) as ExitCode;
      }
      const offset = learnedClockOffset(tokenUrlOf(env));
      if (offset !== undefined) print(clockCheckLine(env.name, offset));
    }
    return { exitCode };
  },
};
