/**
 * Reporter names (`--reporters cli,junit,json,htmlextra`), their files, and publishing: Newman's reporters
 * write into a private temporary folder (their texts already scrubbed in memory, see newman-listeners);
 * each file is scrubbed once more and then renamed into place, so a report on disk is always whole and
 * clean, and a run that could not complete never replaces an earlier report.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors';
import type { SecretSet } from './secrets';

export const REPORTERS = ['cli', 'junit', 'json', 'htmlextra'] as const;
export type ReporterName = (typeof REPORTERS)[number];
export type FileReporterName = Exclude<ReporterName, 'cli'>;

const FILE_SUFFIX: Record<FileReporterName, string> = {
  junit: 'junit.xml',
  json: 'json',
  htmlextra: 'html',
};

export class ReporterError extends InputError {
  constructor(message: string) {
    super('ERR_REPORTER', message);
  }
}

export function htmlextraInstalled(): boolean {
  try {
    require.resolve('newman-reporter-htmlextra');
    return true;
  } catch {
    return false;
  }
}

/**
 * The reporters to use. Default: cli, plus junit, json (and htmlextra when installed) when there is a
 * report folder. Asking for a file reporter without a folder, or for htmlextra when it is not installed,
 * is a usage error.
 */
export function resolveReporters(requested: readonly string[] | undefined, reportDir: string | undefined): ReporterName[] {
  if (requested === undefined || requested.length === 0) {
    const defaults: ReporterName[] = ['cli'];
    if (reportDir) defaults.push('junit', 'json', ...(htmlextraInstalled() ? (['htmlextra'] as const) : []));
    return defaults;
  }
  const names = [...new Set(requested.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean))];
  for (const name of names) {
    if (!(REPORTERS as readonly string[]).includes(name)) {
      throw new ReporterError(`--reporters: "${name}" is not a reporter; pick among ${REPORTERS.join(',')}`);
    }
    if (name !== 'cli' && !reportDir) {
      throw new ReporterError(`--reporters ${name}: writes files; add --report-dir DIR`);
    }
    if (name === 'htmlextra' && !htmlextraInstalled()) {
      throw new ReporterError('--reporters htmlextra: newman-reporter-htmlextra is not installed; run npm install newman-reporter-htmlextra');
    }
  }
  return names as ReporterName[];
}

/** Creates the report folder up front, so a bad --report-dir is a usage error before anything runs. */
export function prepareReportDir(reportDir: string): void {
  try {
    fs.mkdirSync(reportDir, { recursive: true });
    fs.accessSync(reportDir, fs.constants.W_OK);
  } catch (error) {
    throw new ReporterError(`--report-dir: cannot write to ${reportDir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); give a writable folder`);
  }
  if (!fs.statSync(reportDir).isDirectory()) throw new ReporterError(`--report-dir: ${reportDir} is not a folder`);
}

export function fileReporters(reporters: readonly ReporterName[]): FileReporterName[] {
  return reporters.filter((r): r is FileReporterName => r !== 'cli');
}

/** Where one environment's report of one kind ends up: DIR/idcloud-<env>.junit.xml, .json, .html. */
export function reportFileName(envName: string, reporter: FileReporterName): string {
  return `idcloud-${envName}.${FILE_SUFFIX[reporter]}`;
}

export interface ReportStaging {
  /** Private folder Newman writes into. */
  stagingDir: string;
  /** Newman's `reporter` option: each file reporter's export path inside the staging folder. */
  newmanReporterOptions: Record<string, Record<string, unknown>>;
  /** staging path → final path. */
  moves: { reporter: FileReporterName; from: string; to: string }[];
}

export function stageReports(reportDir: string, envName: string, reporters: readonly FileReporterName[]): ReportStaging {
  fs.mkdirSync(reportDir, { recursive: true });
  // Inside the report folder so the final rename stays on one file system (atomic).
  const stagingDir = fs.mkdtempSync(path.join(reportDir, `.idcloud-${envName}-`));
  const newmanReporterOptions: Record<string, Record<string, unknown>> = {};
  const moves: ReportStaging['moves'] = [];
  for (const reporter of reporters) {
    const fileName = reportFileName(envName, reporter);
    const from = path.join(stagingDir, fileName);
    newmanReporterOptions[reporter] = { export: from };
    if (reporter === 'htmlextra') {
      Object.assign(newmanReporterOptions[reporter], { title: `idcloud-postman · ${envName}`, browserTitle: `idcloud ${envName}`, showEnvironmentData: false, skipSensitiveData: true });
    }
    moves.push({ reporter, from, to: path.join(reportDir, fileName) });
  }
  return { stagingDir, newmanReporterOptions, moves };
}

/** Scrubs every staged file and renames it into place; returns the final paths. Always removes the staging folder. */
export function publishReports(staging: ReportStaging, secrets: SecretSet): string[] {
  const written: string[] = [];
  try {
    for (const move of staging.moves) {
      if (!fs.existsSync(move.from)) continue;
      fs.writeFileSync(move.from, secrets.scrub(fs.readFileSync(move.from, 'utf8')));
      fs.renameSync(move.from, move.to);
      written.push(move.to);
    }
  } finally {
    discardReports(staging);
  }
  return written;
}

export function discardReports(staging: ReportStaging): void {
  fs.rmSync(staging.stagingDir, { recursive: true, force: true });
}
