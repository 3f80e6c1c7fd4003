/**
 * `junit`: Newman's JUnit XML, one file per environment (idcloud-<env>.junit.xml). Newman's top-level `tests`
 * counts test scripts, not the test cases listed under it, and it has no skipped count: finalize sets `tests`,
 * `failures` and `skipped` on <testsuites> from the cases in the file and the run's skipped checks.
 */
import type { RunReporter } from './types';

const ROOT = /<testsuites\b[^>]*>/;

export function finalizeJunit(xml: string, skipped: number): string {
  const cases = (xml.match(/<testcase\b/g) ?? []).length;
  const failures = (xml.match(/<failure\b/g) ?? []).length;
  return xml.replace(ROOT, (tag) => {
    const without = tag.replace(/\s(tests|failures|skipped)="[^"]*"/g, '');
    return without.replace(/^<testsuites/, `<testsuites tests="${cases}" failures="${failures}" skipped="${skipped}"`);
  });
}

export const reporter: RunReporter = {
  name: 'junit',
  isDefault: (ctx) => Boolean(ctx.reportDir),
  file: { suffix: 'junit.xml', finalize: (xml, result) => finalizeJunit(xml, result.assertions.skipped) },
};
