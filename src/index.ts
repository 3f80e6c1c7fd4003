/**
 * The public library API: this list is what users may rely on (jose style), and the CLI is a thin layer
 * over it. Anything not listed here is internal and may change. test/index.test.ts holds the same list:
 * adding or removing a name is a decision, made in both places and in README's "Library" section.
 */

// Exit codes and errors.
export { EXIT, EXIT_MEANING, IdcloudPostmanError, InputError, UnreachableError } from './errors';
export type { ExitCode } from './errors';
export * as errors from './error-classes';

// Unico's rules as data.
export { UNICO_ERRORS, isUnicoErrorCode, BUILT_IN_ENVIRONMENTS } from './idcloud';
export type { UnicoErrorCode, UnicoErrorInfo, EnvironmentUrls } from './idcloud';

// Environments: uat, production, NAME=URL, --config.
export { resolveEnvironments, makeEnvironment } from './environments';
export type { Environment, EnvironmentConfig } from './environments';

// Credentials, keygen and doctor's checks.
export {
  loadCredentials, loadPayload, loadPrivateKey, PAYLOAD_FILE_ENV, ISS_ENV, PRIVATE_KEY_ENV, PRIVATE_KEY_FILE_ENV,
  generateServiceAccount, writeServiceAccount,
  diagnoseCredentials, formatCheckLine, checkPayloadForEnvironment, checkKeyMatchesCertificate,
} from './credentials';
export type {
  Credentials, BasePayload, PrivateKeyInfo, ServiceAccount, ServiceAccountFiles,
  Diagnosis, DiagnoseOptions, CheckLine, CheckStatus, CertificateCheck, Problem,
} from './credentials';

// The token exchange in Node.
export { exchangeToken, signAssertion } from './exchange';
export type { ExchangeOptions, TokenResult } from './exchange';

// Collections and environment files: generated, or wrapped around the user's own.
export { generateCollection, buildCollection, writeGeneratedFiles, COLLECTION_FILE_NAME, environmentFileName } from './collection';
export type { GenerateOptions, GeneratedFiles } from './collection';
export { wrapCollection, reportLines as wrapReportLines, readCollectionFile, writeWrappedFiles } from './collection/wrap';
export type { WrapOptions, WrappedCollection, WrapReport, LeftAlone, LeftAloneReason, HostMapped, SourceFormat, SignerRemoved, WrappedFiles } from './collection/wrap';

// Postman v12's Collection format v3 (a directory of YAML files) ⇄ the v2.1 model; environment files of either format.
export { collectionToV3, readV3Collection, readEnvironmentFile, environmentYamlText, COLLECTION_FORMATS } from './formats/v3';
export type { CollectionFormat, V3Collection, V3File, ReadV3Result } from './formats/v3';
export { environmentFile } from './collection/environment-file';
export type { EnvironmentFile, EnvironmentValues } from './collection/environment-file';

// Runs with Newman, and their reporters.
export { runSuites, RunEmitter, SUITES, DEFAULT_MAX_INVALID_ATTEMPTS, REPORTERS, SecretSet, REDACTED } from './runner';
export type {
  RunSuitesOptions, RunResult, EnvironmentResult, EnvironmentInput, EnvironmentStatus, AssertionFailure, RunSecrets, RunEvents,
  Suite, RunScope, ReporterName,
} from './runner';
export type { ConsoleReporterOptions } from './runner/console-reporter';

// The emulator.
export { startEmulator, loadAccountsFile, EMULATOR_DEFAULTS, EMULATOR_FLAWS, ACCOUNT_STATUSES, CAPABILITIES, SCENARIOS } from './emulator';
export type { EmulatorOptions, EmulatorAccount, EmulatorStats, RunningEmulator, AccountStatus, EmulatorFlaw, WebhookAuth, WebhookConfig } from './emulator';

// The demo.
export { runDemo, DEFAULT_DEMO_OUT } from './demo';
export type { DemoOptions, DemoResult, DemoFiles } from './demo';
