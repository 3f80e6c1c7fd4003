/** The public library API; the CLI is a thin layer over it. */
export * from './errors';
export * from './idcloud';
export * from './environments';
export * from './credentials';
export * from './exchange';
export * from './collection';
export { wrapCollection, reportLines as wrapReportLines, readCollectionFile, writeWrappedFiles, WrapInputError, WrapFileNotFoundError, WrapFileUnreadableError, WrapNotJsonError, WrapNotCollectionError, WrapCollectionV1Error, WrapUnsupportedSchemaError, WrapNoRequestsError, WrapOverwritesInputError, WrapUsageError } from './collection/wrap';
export type { WrapOptions, WrappedCollection, WrapReport, LeftAlone, LeftAloneReason, HostMapped, SourceFormat, SignerRemoved, WrappedFiles } from './collection/wrap';
export * from './emulator';
export { runSuites, RunEmitter, SecretSet, REDACTED, planSuites, SUITES, DEFAULT_MAX_INVALID, REPORTERS, resolveReporters, reportFileName, htmlextraInstalled, runExitCode, verdictLabel, CollectionShapeError, UnsafeErrorsSuiteError, SuiteError, ReporterError } from './runner';
export type { RunSuitesOptions, RunResult, EnvironmentResult, EnvironmentInput, RunSecrets, RunEvents, Suite, SuitePlan, ReporterName } from './runner';
export { attachConsoleReporter } from './runner/console-reporter';
export { runDemo, DEFAULT_DEMO_OUT } from './demo';
export type { DemoOptions, DemoResult, DemoFiles } from './demo';
