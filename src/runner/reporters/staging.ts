/**
 * Report files and publishing: Newman's file reporters (registry.ts)
 * write into a private temporary folder (their texts already scrubbed in memory, see secrets/);
 * each file is scrubbed once more and then renamed into place, so a report on disk is always whole and
 * clean, and a run that could not complete never replaces an earlier report.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RunScrubber } from '../secrets';
import { fileReporters, ReporterError, ReporterName } from './registry';

/** Creates the report folder up front, so a bad --report-dir is a usage error before anything runs. */
export function prepareReportDir(reportDir: string): void {
  try {
    fs.mkdirSync(reportDir, { recursive: true });
    fs.accessSync(reportDir, fs.constants.W_OK);
  } catch (error) {
    throw new ReporterError(`--report-dir: cannot write to ${reportDir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); give a writable folder`, { cause: error });
  }
  if (!fs.statSync(reportDir).isDirectory()) throw new ReporterError(`--report-dir: ${reportDir} is not a folder`);
}

export interface ReportStaging {
  /** Private folder Newman writes into. */
  stagingDir: string;
  /** Newman's `reporter` option: each file reporter's export path inside the staging folder. */
  newmanReporterOptions: Record<string, Record<string, unknown>>;
  /** staging path → final path. */
  moves: { reporter: ReporterName; from: string; to: string }[];
}

/** `reporters`: the run's file reporters (registry.ts `fileReporters`). */
export function stageReports(reportDir: string, envName: string, reporters: readonly ReporterName[]): ReportStaging {
  fs.mkdirSync(reportDir, { recursive: true });
  // Inside the report folder so the final rename stays on one file system (atomic).
  const stagingDir = fs.mkdtempSync(path.join(reportDir, `.idcloud-${envName}-`));
  const newmanReporterOptions: Record<string, Record<string, unknown>> = {};
  const moves: ReportStaging['moves'] = [];
  for (const { name, file } of fileReporters(reporters)) {
    // DIR/idcloud-<env>.junit.xml, .json, .html.
    const fileName = `idcloud-${envName}.${file.suffix}`;
    const from = path.join(stagingDir, fileName);
    newmanReporterOptions[name] = { ...file.newmanOptions?.(envName), export: from };
    moves.push({ reporter: name, from, to: path.join(reportDir, fileName) });
  }
  return { stagingDir, newmanReporterOptions, moves };
}

/** Scrubs every staged file and renames it into place; returns the final paths. Always removes the staging folder. */
export function publishReports(staging: ReportStaging, scrubber: RunScrubber): string[] {
  const written: string[] = [];
  try {
    for (const move of staging.moves) {
      if (!fs.existsSync(move.from)) continue;
      scrubber.scrubFile(move.from);
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
