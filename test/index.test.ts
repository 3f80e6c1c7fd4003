/**
 * The public API is an explicit list (src/index.ts): a name that appears in or disappears from the package
 * without this list changing fails here, and README's "Library" section must list the same names.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as api from '../src';
// Compile-time half of the check (tsconfig.check.json): each public type must still be exported.
import type * as Api from '../src';

export type PublicTypes = [
  Api.ExitCode, Api.UnicoErrorCode, Api.UnicoErrorInfo, Api.EnvironmentUrls, Api.Environment, Api.EnvironmentConfig,
  Api.Credentials, Api.BasePayload, Api.PrivateKeyInfo, Api.ServiceAccount, Api.ServiceAccountFiles, Api.Diagnosis,
  Api.DiagnoseOptions, Api.CheckLine, Api.CheckStatus, Api.CertificateCheck, Api.Problem, Api.ExchangeOptions,
  Api.TokenResult, Api.GenerateOptions, Api.GeneratedFiles, Api.EnvironmentFile, Api.EnvironmentValues,
  Api.RunSuitesOptions, Api.RunResult, Api.EnvironmentResult, Api.EnvironmentInput, Api.EnvironmentStatus,
  Api.AssertionFailure, Api.RunSecrets, Api.RunEvents, Api.Suite, Api.RunScope, Api.ReporterName,
  Api.ConsoleReporterOptions, Api.EmulatorOptions, Api.EmulatorAccount, Api.EmulatorStats, Api.RunningEmulator,
  Api.AccountStatus, Api.EmulatorFlaw, Api.WebhookAuth, Api.WebhookConfig, Api.WrapOptions, Api.WrappedCollection,
  Api.WrapReport, Api.LeftAlone, Api.LeftAloneReason, Api.HostMapped, Api.SourceFormat, Api.SignerRemoved, Api.WrappedFiles, Api.CollectionFormat, Api.V3Collection, Api.V3File, Api.ReadV3Result, Api.DemoOptions, Api.DemoResult, Api.DemoFiles,
];

const TYPES = `ExitCode UnicoErrorCode UnicoErrorInfo EnvironmentUrls Environment EnvironmentConfig Credentials BasePayload
  PrivateKeyInfo ServiceAccount ServiceAccountFiles Diagnosis DiagnoseOptions CheckLine CheckStatus CertificateCheck
  Problem ExchangeOptions TokenResult GenerateOptions GeneratedFiles EnvironmentFile EnvironmentValues
  RunSuitesOptions RunResult EnvironmentResult EnvironmentInput EnvironmentStatus AssertionFailure RunSecrets
  RunEvents Suite RunScope ReporterName ConsoleReporterOptions EmulatorOptions EmulatorAccount EmulatorStats
  RunningEmulator AccountStatus EmulatorFlaw WebhookAuth WebhookConfig WrapOptions WrappedCollection WrapReport LeftAlone
  LeftAloneReason HostMapped SourceFormat SignerRemoved WrappedFiles CollectionFormat V3Collection V3File ReadV3Result DemoOptions DemoResult DemoFiles`.split(/\s+/);

const VALUES = [
  // exit codes and errors
  'EXIT', 'EXIT_MEANING', 'IdcloudPostmanError', 'InputError', 'UnreachableError', 'errors',
  // Unico's rules
  'UNICO_ERRORS', 'isUnicoErrorCode', 'BUILT_IN_ENVIRONMENTS',
  // environments
  'resolveEnvironments', 'makeEnvironment',
  // credentials, keygen, doctor
  'loadCredentials', 'loadPayload', 'loadPrivateKey', 'PAYLOAD_FILE_ENV', 'ISS_ENV', 'PRIVATE_KEY_ENV', 'PRIVATE_KEY_FILE_ENV',
  'generateServiceAccount', 'writeServiceAccount',
  'diagnoseCredentials', 'formatCheckLine', 'checkPayloadForEnvironment', 'checkKeyMatchesCertificate',
  // token exchange
  'exchangeToken', 'signAssertion',
  // collections
  'generateCollection', 'buildCollection', 'writeGeneratedFiles', 'COLLECTION_FILE_NAME', 'environmentFileName', 'environmentFile',
  'wrapCollection', 'wrapReportLines', 'readCollectionFile', 'writeWrappedFiles',
  'collectionToV3', 'readV3Collection', 'readEnvironmentFile', 'environmentYamlText', 'COLLECTION_FORMATS',
  // runs
  'runSuites', 'RunEmitter', 'SUITES', 'DEFAULT_MAX_INVALID_ATTEMPTS', 'REPORTERS', 'SecretSet', 'REDACTED',
  // emulator
  'startEmulator', 'loadAccountsFile', 'EMULATOR_DEFAULTS', 'EMULATOR_FLAWS', 'ACCOUNT_STATUSES', 'CAPABILITIES', 'SCENARIOS',
  // demo
  'runDemo', 'DEFAULT_DEMO_OUT',
];

const ERROR_CLASSES = [
  'IdcloudPostmanError', 'InputError', 'UnreachableError',
  'CredentialError', 'KeyMissingError', 'KeyFileNotFoundError', 'KeyFileUnreadableError', 'KeyEmptyError', 'KeyNotPemError',
  'KeyIsDerError', 'KeyTruncatedError', 'KeyCorruptError', 'KeyIsPublicError', 'KeyIsCertificateError', 'KeyEncryptedError',
  'KeyNotRsaError', 'KeyTooShortError', 'KeyUnsupportedFormatError', 'PayloadMissingError', 'PayloadConflictError',
  'PayloadFileNotFoundError', 'PayloadFileUnreadableError', 'PayloadEmptyError', 'PayloadNotJsonError', 'PayloadNotObjectError',
  'IssMissingError', 'IssNotStringError', 'IssInvalidError', 'AccountTooLongError', 'ForbiddenClaimsError', 'ScopeInvalidError',
  'AudNotStringError', 'AudTrailingSlashError', 'AudNotHttpsError', 'AudOtherEnvironmentError', 'AudHasPathError',
  'AudMismatchError', 'CertFileNotFoundError', 'CertInvalidError', 'CertMismatchError', 'CertExpiredError',
  'AccountInvalidError', 'TenantInvalidError', 'KeySizeInvalidError', 'NameInvalidError', 'FileExistsError', 'WriteFailedError',
  'EnvironmentError', 'OutputDirectoryError', 'TokenExchangeError', 'TokenEndpointUnreachableError',
  'TokenRefusedError', 'TokenUnexpectedStatusError', 'TokenBadResponseError', 'TokenRateLimitedError', 'TokenServerError',
  'SuiteError', 'UnsafeErrorsSuiteError', 'CollectionShapeError', 'ReporterError', 'NoEnvironmentError', 'NoPrivateKeyError',
  'AccountsFileUnreadableError', 'AccountsFileFormatError', 'AccountKeyError', 'EmulatorOptionError', 'EmulatorListenError',
  'WrapInputError', 'WrapFileNotFoundError', 'WrapFileUnreadableError', 'WrapNotJsonError', 'WrapNotCollectionError',
  'WrapCollectionV1Error', 'WrapUnsupportedSchemaError', 'WrapNoRequestsError', 'WrapOverwritesInputError', 'WrapUsageError',
  'V3FormatError', 'V3NotCollectionError', 'V3YamlError', 'V3ShapeError', 'V3RequestInResourcesError', 'V3ScriptTypeError',
  'V3OutputOccupiedError', 'EnvironmentFileError',
];

const sorted = (names: Iterable<string>) => [...names].sort();

test('the package exports exactly the listed values', () => {
  expect(sorted(Object.keys(api))).toEqual(sorted(VALUES));
});

test('errors: every error class by name, each an IdcloudPostmanError', () => {
  expect(sorted(Object.keys(api.errors))).toEqual(sorted(ERROR_CLASSES));
  for (const name of ERROR_CLASSES) {
    const ErrorClass = (api.errors as unknown as Record<string, abstract new (...args: never[]) => unknown>)[name];
    expect(ErrorClass.prototype instanceof api.IdcloudPostmanError || ErrorClass === (api.IdcloudPostmanError as unknown)).toBe(true);
  }
});

test("README's Library section lists the same values and types, and nothing else", () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const section = /^## Library\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  expect(section).not.toBe('');
  // The table's rows: every backticked identifier (`errors.X` examples and option names aside).
  const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| group'));
  const named = new Set(rows.flatMap((row) => [...row.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)].map((m) => m[1])));
  expect(sorted(named)).toEqual(sorted(new Set([...VALUES, ...TYPES])));
});

test("package.json's exports map: only the public entry is importable; no side effects declared", () => {
  const root = path.join(__dirname, '..');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  expect(pkg.exports).toEqual({ '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' });
  expect(pkg.sideEffects).toBe(false);
  // Node resolves the package by its own name from inside it (self-reference), through the exports map.
  const resolveFromRoot = (request: string) =>
    execFileSync(process.execPath, ['-e', `try { console.log(require.resolve(${JSON.stringify(request)})) } catch (e) { console.log(e.code) }`], { cwd: root, encoding: 'utf8' }).trim();
  expect(resolveFromRoot(pkg.name)).toBe(path.join(root, 'dist', 'index.js'));
  expect(resolveFromRoot(`${pkg.name}/dist/cli/main.js`)).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  expect(resolveFromRoot(`${pkg.name}/dist/runner/secrets`)).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
});
