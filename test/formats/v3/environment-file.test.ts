/** `--env FILE`: an environment file of either format is the environment it describes (src/cli/inputs/environment-file.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { environmentFile } from '../../../src/collection/environment-file';
import { loadCliEnvironments } from '../../../src/cli/inputs/loaders';
import { makeEnvironment, resolveEnvironments } from '../../../src/environments';
import { environmentYamlText, EnvironmentFileError } from '../../../src/formats/v3';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcloud-envfile-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a .postman_environment.json and an .environment.yaml give the environments they were written from', () => {
  const staging = makeEnvironment('staging', { identityUrl: 'http://127.0.0.1:9443', clientApiUrl: 'https://client.staging.example', audience: 'https://identityhomolog.acesso.io' });
  const [uat] = resolveEnvironments(['uat']);
  const json = path.join(dir, 'idcloud-staging.postman_environment.json');
  fs.writeFileSync(json, JSON.stringify(environmentFile(staging, {}).json));
  const yaml = path.join(dir, 'idcloud-uat.environment.yaml');
  fs.writeFileSync(yaml, environmentYamlText(environmentFile(uat, {}).json));
  expect(loadCliEnvironments({ env: [json, yaml, 'local=http://127.0.0.1:8780'] })).toEqual([staging, { ...uat, isProduction: false }, makeEnvironment('local', { identityUrl: 'http://127.0.0.1:8780' })]);
});

test('an environment file without identity_url, or that is not one: exit 2, one line naming it', () => {
  const file = path.join(dir, 'other.environment.yaml');
  fs.writeFileSync(file, 'name: other\nvalues:\n  - key: base\n    value: x\n');
  expect(() => loadCliEnvironments({ env: [file] })).toThrow(EnvironmentFileError);
  expect(() => loadCliEnvironments({ env: [file] })).toThrow(`--env: ${file} has no identity_url value`);
  const missing = path.join(dir, 'missing.postman_environment.json');
  expect(() => loadCliEnvironments({ env: [missing] })).toThrow(`--env: cannot read ${missing} (ENOENT); check the path`);
});
