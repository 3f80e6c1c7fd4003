import type { CliCommand } from '../command';
import { EXIT, ExitCode, IdcloudPostmanError } from '../../errors';
import { warnTo } from '../io';
import type { Credentials, Diagnosis } from '../../credentials';
import type { Environment } from '../../environments';
import { UsageError } from '../usage-error';
import { envSpecs } from '../inputs/config-file';
import { stringArg } from '../inputs/flags';
import { withConfigOption, withNetworkOptions, withCredentialOptions, withEnvironmentOptions, withRequired, withTimeoutOption } from '../options';

export const doctorCommand: CliCommand = {
  command: 'doctor',
  describe: "check credentials offline (key, iss, aud vs environment, forbidden claims, --cert match), each --env with its own account; --online also exchanges one token per --env",
  builder: (y) =>
    withTimeoutOption(withNetworkOptions(withConfigOption(withEnvironmentOptions(withRequired(withCredentialOptions(y), ['payload', 'iss', 'key'])))), 'each token endpoint (--online)')
      .option('cert', { type: 'string', describe: 'certificate or public key PEM registered for the account: check that it belongs to the key' })
      .option('online', { type: 'boolean', default: false, describe: 'also perform one token exchange per --env (skipped when an offline check fails)' })
      .example('$0 doctor --payload svc.payload.json --key svc.key.pem --env uat --online', 'check the credentials, then make one real exchange'),
  run: async (args, io) => {
    const { diagnoseCredentials, formatCheckLine } = await import('../../credentials');
    const { loadCliEnvironments } = await import('../inputs');
    const { accountGroups, sharedKeyLines } = await import('../inputs/account-groups');
    const env = io.env;
    const specs = envSpecs(args);
    if (args.online && specs.length === 0) throw new UsageError('doctor --online needs --env (uat, production or NAME=URL)');
    const environments = specs.length > 0 ? loadCliEnvironments(args) : [];
    const cert = stringArg(args.cert);
    const goOnline = Boolean(args.online);
    // Environments that use the same account are checked together; each other account on its own.
    const groups = accountGroups(args, env, environments);
    const checked = groups.map((group) => ({
      group,
      diagnosis: group.sources
        ? diagnoseCredentials({ cert, online: goOnline, env, environments: group.environments, payloadInput: group.sources.payloadInput, loadKey: group.sources.loadKey })
        : diagnoseCredentials({ payload: stringArg(args.payload), iss: stringArg(args.iss), key: stringArg(args.key), cert, online: goOnline, env, environments: group.environments }),
    }));
    const labelled = checked.length > 1;
    const print = (line: Parameters<typeof formatCheckLine>[0]) => io.stdout.write(`${formatCheckLine(line)}\n`);
    for (const { group, diagnosis } of checked) {
      const label = group.environments.map((e) => e.name).join(', ');
      for (const line of diagnosis.lines) print(labelled ? { ...line, message: `${label}: ${line.message}` } : line);
    }
    for (const line of sharedKeyLines(checked.map(({ group, diagnosis }) => ({ environments: group.environments, key: diagnosis.key })), args)) print(line);
    const problemCount = checked.reduce((n, c) => n + c.diagnosis.problemCount, 0);
    if (problemCount > 0) {
      const count = problemCount === 1 ? '1 problem' : `${problemCount} problems`;
      const fix = problemCount === 1 ? 'fix it' : 'fix them';
      // Every invalid attempt counts toward Unico's lockout: never go online with known-bad credentials.
      const skipped = goOnline ? ' (--online skipped)' : '';
      io.stderr.write(`idcloud-postman: doctor found ${count}${skipped}; ${fix} and run doctor again\n`);
      return { exitCode: EXIT.BAD_INPUT };
    }
    if (!args.online) {
      const unmatched = checked.some(({ diagnosis }) => diagnosis.lines.some((l) => l.check === 'account' && l.status === 'skip'));
      io.stdout.write(unmatched
        ? 'no problem found offline, but the key is not known to be the account\'s: doctor --online --env ENV tries one exchange\n'
        : 'credentials look right offline; doctor --online --env ENV also tries a token exchange\n');
      return { exitCode: EXIT.OK };
    }
    const credentialsOf = new Map<Environment, Credentials>();
    for (const { group, diagnosis } of checked) for (const e of group.environments) if (diagnosis.credentials) credentialsOf.set(e, diagnosis.credentials);
    return exchangeOnline(args, environments, credentialsOf, print, warnTo(io), env);
  },
};

async function exchangeOnline(
  args: Record<string, unknown>, environments: Environment[], credentialsOf: Map<Environment, Credentials>, print: (line: Diagnosis['lines'][number]) => void,
  warn: (line: string) => void, env: Readonly<Record<string, string | undefined>>,
): Promise<{ exitCode: ExitCode }> {
  const { exchangeToken, learnedClockOffset, tokenUrlOf } = await import('../../exchange');
  const { clockCheckLine } = await import('../../credentials/diagnose');
  const { cliNetworkSettings, durationMsArg } = await import('../inputs');
  const timeoutMs = durationMsArg(args, 'timeout', warn);
  const network = cliNetworkSettings(args, env);
  let exitCode: ExitCode = EXIT.OK;
  for (const env of environments) {
    const credentials = credentialsOf.get(env);
    if (!credentials) continue;
    try {
      const result = await exchangeToken(credentials, env, { timeoutMs, maxRetries: 1, network });
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
}
