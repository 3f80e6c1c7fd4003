/**
 * The options shared by several commands (cli-contract.md "Inputs"): flags, their environment variables,
 * and `--config FILE` (a JSON file with the same settings; flags override it). Their values are read by
 * ./inputs, one reading per kind of value.
 */
import type { Argv } from 'yargs';
import { ENVIRONMENT_CONFIG_FIELD_NAMES } from '../environments/config-fields';
import { parseConfigFile } from './inputs/config-file';
import { DURATION_UNIT } from './inputs/flags';
import { REPORTERS } from '../runner/reporters/registry';

/**
 * Where a --config file's error waits for the command: yargs keeps only the text of an error its config parser
 * throws (and the exit code with it), so the parser hands the typed error over as this hidden setting instead: a
 * function that throws it (yargs would copy an object's fields, not keep the object).
 */
export const CONFIG_ERROR_SETTING = 'config-file-error';

export function withConfigOption(y: Argv): Argv {
  return y
    // Set only through --config; declared so strict mode accepts them.
    .option('environments', { hidden: true })
    .option(CONFIG_ERROR_SETTING, { hidden: true })
    .option('config', {
    type: 'string',
    describe: `JSON file with the same settings (environments.NAME: ${ENVIRONMENT_CONFIG_FIELD_NAMES.join(', ')}; paths relative to the file); flags override it`,
    config: true,
    configParser: (file: string) => {
      try {
        return parseConfigFile(file);
      } catch (error) {
        return { [CONFIG_ERROR_SETTING]: () => { throw error; } };
      }
    },
  });
}

/** `--payload` or `--iss`: who signs (every command that signs or writes an environment file). */
export function withPayloadOptions(y: Argv): Argv {
  return y
    .option('payload', { type: 'string', describe: "Unico's base payload JSON file (iss required; aud/iat/exp recomputed) [env IDCLOUD_PAYLOAD_FILE]" })
    .option('iss', { type: 'string', describe: 'the iss claim, instead of --payload [env IDCLOUD_ISS]' });
}

/** `--payload`/`--iss` and `--key`: what signs (commands that sign in Node or run the collection). */
export function withCredentialOptions(y: Argv): Argv {
  return withPayloadOptions(y)
    .option('key', { type: 'string', describe: 'RSA private key PEM file, PKCS#1 or PKCS#8 [env IDCLOUD_PRIVATE_KEY_FILE, or the PEM text in IDCLOUD_PRIVATE_KEY]' });
}

/** `--env`: repeatable, or exactly one (`token`). */
export function withEnvironmentOptions(y: Argv, { single = false }: { single?: boolean } = {}): Argv {
  return y.option('env', {
    type: 'string',
    array: !single,
    describe: single
      ? 'the one environment: uat, production, or NAME=URL (identity base URL)'
      : 'environment: uat, production, NAME=URL (identity base URL), or an environment file (.postman_environment.json, .environment.yaml); repeatable',
  });
}

/**
 * `--help` lists these first, under "Required". Not yargs' demandOption: a value may also come from an
 * IDCLOUD_* variable or --config, and run/token/… name every missing one at once (readAll).
 */
export function withRequired(y: Argv, names: readonly string[]): Argv {
  const payload = names.includes('payload') ? '; --payload or --iss' : '';
  return y.group([...names], `Required (flag, IDCLOUD_* variable or --config${payload}):`);
}

/**
 * `--ca-cert FILE` (config `caCert`): extra trusted CA certificates for every connection the command makes, added to
 * Node's trust store (which NODE_EXTRA_CA_CERTS also feeds); proxies come from HTTPS_PROXY/HTTP_PROXY/NO_PROXY.
 */
export function withNetworkOptions(y: Argv): Argv {
  // A config file's `caCert` is the same option (yargs' camel-case expansion).
  return y.option('ca-cert', { type: 'string', describe: 'extra trusted CA certificate(s), PEM: a TLS-inspecting proxy or a private gateway (verification stays on; NODE_EXTRA_CA_CERTS works too). Proxies: HTTPS_PROXY, HTTP_PROXY, NO_PROXY' });
}

export function withApiKeyOption(y: Argv): Argv {
  return y.option('api-key', { type: 'string', describe: 'APIKEY for the "by Client" API; its requests are skipped when absent [env IDCLOUD_API_KEY]' });
}

/** `--timeout S`: seconds, as every duration on the command line (read with durationMsArg). */
export function withTimeoutOption(y: Argv, waitsFor: string): Argv {
  return y.option('timeout', { type: 'number', default: 15, describe: `${DURATION_UNIT} to wait for ${waitsFor} (decimals allowed, e.g. 0.5)` });
}

/** `--reporters a,b`: names from the run's reporter registry. */
export function withReportersOption(y: Argv, defaults: string): Argv {
  return y.option('reporters', { type: 'string', describe: `comma-separated among ${REPORTERS.join(',')} (${defaults})` });
}
