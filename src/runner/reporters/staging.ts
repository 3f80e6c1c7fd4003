/**
 * Report files and publishing: the texts of Newman's file reporters (registry.ts, newman-reporters.ts), scrubbed,
 * are written into a private temporary folder and then renamed into place, so a report on disk is always whole and
 * clean, and a run that could not complete never replaces an earlier report. Each report on its own: one that
 * cannot be written costs that report only (a reporter failure, never the verdict).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RunScrubber } from '../secrets';
import type { EnvironmentResult } from '../types';
import { fileReporters, findReporter, ReporterError, ReporterName } from './registry';

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
export function stageReports(reportDir: string, envName: string, reporters: readonly ReporterName[], options: Record<string, unknown> = {}): ReportStaging {
  fs.mkdirSync(reportDir, { recursive: true });
  // Inside the report folder so the final rename stays on one file system (atomic).
  const stagingDir = fs.mkdtempSync(path.join(reportDir, `.idcloud-${envName}-`));
  const newmanReporterOptions: Record<string, Record<string, unknown>> = {};
  const moves: ReportStaging['moves'] = [];
  for (const { name, file } of fileReporters(reporters)) {
    // DIR/idcloud-<env>.junit.xml, .json, .html.
    const fileName = `idcloud-${envName}.${file.suffix}`;
    const from = path.join(stagingDir, fileName);
    // The caller's options for it (RunSuitesOptions.reporterOptions, e.g. htmlextra's `template`) over ours.
    newmanReporterOptions[name] = { ...file.newmanOptions?.(envName), ...(options[name] as Record<string, unknown> | undefined), export: from };
    moves.push({ reporter: name, from, to: path.join(reportDir, fileName) });
  }
  return { stagingDir, newmanReporterOptions, moves };
}

/**
 * Writes each reporter's text (scrubbed; finalized by the reporter's `finalize` with the environment's result) into
 * the staging folder and renames it into place; returns the final paths. Each reporter on its own: one that
 * produced nothing or cannot be written is told through `fail`, the others are published. Always removes the
 * staging folder.
 */
export function publishReports(
  staging: ReportStaging, texts: ReadonlyMap<ReporterName, unknown>, scrubber: RunScrubber, fail: (reporter: ReporterName, error: unknown) => void, result: EnvironmentResult,
): string[] {
  const written: string[] = [];
  for (const move of staging.moves) {
    try {
      const raw = scrubber.reportText(texts.get(move.reporter));
      if (raw === undefined) throw new Error('it wrote no report');
      const finalize = findReporter(move.reporter)?.file?.finalize;
      // Scrubbed again: what finalize adds comes from the run's (scrubbed) result, and stays so.
      const text = finalize ? scrubber.reportText(finalize(raw, result)) ?? raw : raw;
      fs.writeFileSync(move.from, text);
      fs.renameSync(move.from, move.to);
      written.push(move.to);
    } catch (error) {
      fail(move.reporter, error);
    }
  }
  discardReports(staging);
  return written;
}

export function discardReports(staging: ReportStaging): void {
  try {
    fs.rmSync(staging.stagingDir, { recursive: true, force: true });
  } catch {
    // A leftover `.idcloud-*` folder costs nothing; never the run.
  }
}
