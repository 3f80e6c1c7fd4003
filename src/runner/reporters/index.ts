/** Reporters by name (registry.ts) and the report files they write (staging.ts). */
export { REPORTER_REGISTRY, REPORTERS, ReporterError, resolveReporters, fileReporters, attachReporters, findReporter } from './registry';
export type { ReporterName } from './registry';
export type { RunReporter, FileReport, ReporterContext } from './types';
export { htmlextraInstalled } from './htmlextra';
export { prepareReportDir, stageReports, publishReports, discardReports } from './staging';
export type { ReportStaging } from './staging';
export { attachNewmanReporters } from './newman-reporters';
export type { TakenReports } from './newman-reporters';
