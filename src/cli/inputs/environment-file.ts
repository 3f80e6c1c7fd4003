/**
 * `--env FILE`: a Postman environment file, in either format (`.postman_environment.json`, or v3's
 * `.environment.yaml`, read by src/formats/v3), as an environment: its `identity_url`, product API URLs and `audience`. The
 * name is the file's `name` without our `idcloud-` prefix (what `generate` writes), so
 * `--env postman/environments/idcloud-uat.environment.yaml` is the environment `uat` as committed.
 */
import path from 'node:path';
import type { EnvironmentConfig } from '../../environments';
import { EnvironmentFileError, readEnvironmentFile } from '../../formats/v3';
import { ENV_VARIABLES } from '../../suites/variables';

const ENVIRONMENT_FILE = /\.(postman_environment\.json|environment\.ya?ml|environment\.json)$/i;

/** True when an `--env` value names an environment file rather than NAME or NAME=URL. */
export function isEnvironmentFileSpec(spec: string): boolean {
  return !spec.includes('=') && ENVIRONMENT_FILE.test(spec);
}

export function environmentFromFile(file: string): { name: string; config: EnvironmentConfig & { identityUrl: string } } {
  const json = readEnvironmentFile(file, '--env');
  const values = new Map((json.values as { key: string; value: string; enabled: boolean }[]).filter((v) => v.enabled).map((v) => [v.key, v.value]));
  const url = (key: string) => values.get(key) || undefined;
  const identityUrl = url(ENV_VARIABLES.identityUrl);
  if (!identityUrl) throw new EnvironmentFileError(`--env: ${file} has no ${ENV_VARIABLES.identityUrl} value; give an environment file idcloud-postman wrote, or --env NAME=URL`);
  const fileName = path.basename(file).replace(ENVIRONMENT_FILE, '');
  const name = (String(json.name ?? '') || fileName).replace(/^idcloud-/, '');
  return {
    name,
    config: {
      identityUrl,
      unicoApiUrl: url(ENV_VARIABLES.unicoApiUrl),
      clientApiUrl: url(ENV_VARIABLES.clientApiUrl),
      signApiUrl: url(ENV_VARIABLES.signApiUrl),
      audience: url(ENV_VARIABLES.audience),
    },
  };
}
