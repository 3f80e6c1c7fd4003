/** The CLI's one input layer: flag values, JSON files, the config file, and the loaded inputs. */
export { stringArg, listArg, flagOrEnv, numberArg, durationMsArg, DURATION_UNIT } from './flags';
export type { Args, NumberRule } from './flags';
export { readJsonFile, isJsonObject } from './json-file';
export { parseConfigFile, parseEnvironmentConfigs, envSpecs, configuredEnvironments, ConfigFileError } from './config-file';
export { readCollectionFile, CollectionFileError } from './collection-file';
export { loadCliEnvironments, warnAboutAudience } from './loaders';
export {
  loadCliCredentials, loadEnvironmentCredentials, cliApiKey, environmentApiKey, API_KEY_ENV, perEnvironmentVariable, PER_ENVIRONMENT_SUFFIX,
  environmentPayloadInput, environmentKeyInput, loadPayloadInput, loadKeyInput, envNameOf, environmentNames, loadEnvironmentAccounts, readPerEnvironment,
} from './accounts';
export type { KeyInput, EnvironmentAccount } from './accounts';
export { cliNetworkSettings } from './network';
