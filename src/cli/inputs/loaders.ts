/**
 * Parsed CLI arguments + the CLI's environment variables (io.env) → the loaded inputs every command needs (cli-contract.md "Inputs").
 * Flags win over environment variables; `--config` values arrive through yargs as if they were flags.
 */
import { AudOtherEnvironmentError, BasePayload, builtInEnvironmentOf, checkPayloadForEnvironment } from '../../credentials';
import { Environment, resolveEnvironments } from '../../environments';
import { configuredEnvironments, envSpecs } from './config-file';
import { environmentFromFile, isEnvironmentFileSpec } from './environment-file';
import type { Args } from './flags';

export function loadCliEnvironments(args: Args): Environment[] {
  // `--env FILE`: an environment file of either format stands for the environment it describes.
  const configured = configuredEnvironments(args);
  const specs = envSpecs(args).map((spec) => {
    if (!isEnvironmentFileSpec(spec)) return spec;
    const { name, config } = environmentFromFile(spec);
    configured[name] = config;
    return name;
  });
  return resolveEnvironments(specs, configured);
}

/**
 * A payload whose aud is the other built-in environment's identity host (a production payload with --env uat)
 * is a sign of the other environment's credentials. aud itself is recomputed when signing, so this is a warning,
 * said by every command that signs or writes environment files, not only by doctor (which calls it a problem).
 */
export function warnAboutAudience(payload: BasePayload, environments: readonly Environment[], warn: (line: string) => void): void {
  // Only for Unico's environments (by host, or by name): a UAT payload against a gateway or the emulator is usual.
  const unicos = environments.filter((env) => builtInEnvironmentOf(env.identityUrl) !== undefined || env.name === 'uat' || env.name === 'production');
  for (const env of unicos) {
    for (const problem of checkPayloadForEnvironment(payload, env)) {
      if (problem instanceof AudOtherEnvironmentError) warn(problem.message);
    }
  }
}
