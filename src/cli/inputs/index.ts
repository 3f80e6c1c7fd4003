/** The CLI's one input layer: flag values, JSON files, the config file, and the loaded inputs. */
export { stringArg, listArg, flagOrEnv, numberArg, durationMsArg, DURATION_UNIT } from './flags';
export type { Args, NumberRule } from './flags';
export { readJsonFile, isJsonObject } from './json-file';
export { parseConfigFile, envSpecs, configuredEnvironments, ConfigFileError } from './config-file';
export { readCollectionFile, CollectionFileError } from './collection-file';
export { loadCliCredentials, loadCliEnvironments, cliApiKey, warnAboutAudience, API_KEY_ENV } from './loaders';
