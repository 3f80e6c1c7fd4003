/**
 * The reporters a run attaches by name (newman style): `--reporters cli,junit,json,htmlextra`. Each lives in
 * its own file next to this one; a new reporter is that file plus its line in REPORTER_REGISTRY.
 */
import { errorClass, InputError } from '../../errors';
import type { RunEmitter } from '../run-emitter';
import type { ReporterName } from '../types';
import { reporter as cli } from './cli';
import { reporter as githubAnnotations } from './github-annotations';
import { reporter as githubSummary } from './github-summary';
import { reporter as htmlextra } from './htmlextra';
import { reporter as json } from './json';
import { reporter as junit } from './junit';
import type { ReporterContext, RunReporter } from './types';

/** In the order `--help` and messages list them. */
export const REPORTER_REGISTRY: readonly RunReporter[] = [cli, junit, json, htmlextra, githubSummary, githubAnnotations];

export const REPORTERS: readonly string[] = REPORTER_REGISTRY.map((r) => r.name);
export type { ReporterName };

export class ReporterError extends errorClass(InputError, 'ERR_REPORTER') {}

export function findReporter(name: string): RunReporter | undefined {
  return REPORTER_REGISTRY.find((r) => r.name === name);
}

/**
 * The reporters to use. None named (undefined): every reporter on by default (cli, plus the file reporters
 * when there is a report folder). Naming one that does not exist, a file reporter without a folder, or one
 * that cannot run here is a usage error. An empty list means no reporters. Either way, the reporters the CI
 * platform asks for (`auto`: the GitHub ones when GITHUB_STEP_SUMMARY / GITHUB_ACTIONS say so) are added.
 */
export function resolveReporters(requested: readonly string[] | undefined, reportDir: string | undefined, env: ReporterContext['env'] = {}): ReporterName[] {
  const ctx: ReporterContext = { reportDir, env };
  const auto = REPORTER_REGISTRY.filter((r) => r.auto?.(ctx)).map((r) => r.name);
  if (requested === undefined) return [...new Set([...REPORTER_REGISTRY.filter((r) => r.isDefault(ctx)).map((r) => r.name), ...auto])];
  const names = [...new Set(requested.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean))];
  for (const name of names) {
    const reporter = findReporter(name);
    if (!reporter) throw new ReporterError(`--reporters: "${name}" is not a reporter; pick among ${REPORTERS.join(',')}`);
    if (reporter.file && !ctx.reportDir) throw new ReporterError(`--reporters ${name}: writes files; add --report-dir DIR`);
    const problem = reporter.problem?.(ctx);
    if (problem) throw new ReporterError(`--reporters ${name}: ${problem}`);
  }
  return [...new Set([...names, ...auto])];
}

/** The file reporters among `names`, with what they write. */
export function fileReporters(names: readonly ReporterName[]): (RunReporter & { file: NonNullable<RunReporter['file']> })[] {
  return names.map(findReporter).filter((r): r is RunReporter & { file: NonNullable<RunReporter['file']> } => Boolean(r?.file));
}

/** Attaches every listening reporter among `names` to the run, each with its own options. */
export function attachReporters(run: RunEmitter, names: readonly ReporterName[], ctx: ReporterContext, options: Record<string, unknown> = {}): void {
  for (const name of names) {
    // Each through its own view: one that throws (when attached or on an event) costs its own output only.
    try {
      findReporter(name)?.attach?.(run.reporterView(name), options[name], ctx);
    } catch (error) {
      run.reporterFailed(name, error);
    }
  }
}
