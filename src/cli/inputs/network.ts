/**
 * The network settings of a command: proxies from the CLI's environment variables (HTTPS_PROXY, HTTP_PROXY,
 * NO_PROXY, either case) and `--ca-cert FILE` (config `caCert`, relative to the config file). src/network reads
 * and checks them; this only says where they come from.
 */
import { NetworkSettings, readNetworkSettings } from '../../network';
import { Args, stringArg } from './flags';

export function cliNetworkSettings(args: Args, env: Readonly<Record<string, string | undefined>>): NetworkSettings {
  // A config file's `caCert` arrives as the same option (yargs' camel-case expansion), its path already resolved.
  return readNetworkSettings({ env, caCert: stringArg(args['ca-cert']), caCertOrigin: '--ca-cert' });
}
