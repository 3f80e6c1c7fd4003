import type { CliCommand } from '../command';
import { EXIT, readAll } from '../../errors';
import { warnTo } from '../io';
import { UsageError } from '../usage-error';
import { withConfigOption, withNetworkOptions, withCredentialOptions, withEnvironmentOptions, withRequired, withTimeoutOption } from '../options';

export const tokenCommand: CliCommand = {
  command: 'token',
  describe: 'print one access token for --env (signed in Node with jose), alone on stdout: TOKEN=$(idcloud-postman token ...)',
  builder: (y) =>
    withTimeoutOption(withNetworkOptions(withConfigOption(withRequired(withEnvironmentOptions(withCredentialOptions(y), { single: true }), ['env', 'payload', 'iss', 'key']))), 'the token endpoint')
      .option('max-retries', { type: 'number', default: 3, describe: 'retries after HTTP 429 (rate limit), with backoff' })
      .example('TOKEN=$($0 token --env uat --payload svc.payload.json --key svc.key.pem)', 'one access token for a script'),
  run: async (args, io) => {
    const { cliNetworkSettings, durationMsArg, environmentNames, numberArg, loadEnvironmentCredentials, loadCliEnvironments, warnAboutAudience } = await import('../inputs');
    const { exchangeToken } = await import('../../exchange');
    const [environments, credentials] = readAll(() => {
      const envs = loadCliEnvironments(args);
      if (envs.length !== 1) throw new UsageError(`token: give exactly one --env (got ${envs.length}); run it once per environment`);
      return envs;
    }, () => loadEnvironmentCredentials(args, io.env, environmentNames(args)[0] ?? ''));
    warnAboutAudience(credentials.payload, environments, warnTo(io));
    const result = await exchangeToken(credentials, environments[0], {
      timeoutMs: durationMsArg(args, 'timeout', warnTo(io)),
      maxRetries: numberArg(args, 'max-retries', { whole: true, min: 0 }),
      onNotice: (line) => io.stderr.write(`${line}\n`),
      network: cliNetworkSettings(args, io.env),
    });
    io.stdout.write(`${result.accessToken}\n`);
    return { exitCode: EXIT.OK };
  },
};

