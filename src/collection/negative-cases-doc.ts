/** The negative-case table as Markdown (docs/negative-cases.md), generated from the same table as the suite. */
import { negativeCaseDoc } from '../suites/case-docs';
import { NEGATIVE_CASES } from '../suites/cases';
import { describeExpectation } from '../suites/outcome';
import { DEFAULT_MAX_INVALID_ATTEMPTS, ENV_VARIABLES } from '../suites/variables';

export function negativeCasesMarkdown(): string {
  const rows = NEGATIVE_CASES.map((c) => ({ ...c, ...negativeCaseDoc(c.id) })).map((c) => `| \`${c.id}\` | ${c.name} | ${c.mutates} | ${describeExpectation(c.expect)} | the server accepted ${c.subject} |`);
  return [
    '# The `Token errors` suite',
    '',
    'Generated from `src/suites/cases.ts` by `npm run collections`; do not edit by hand.',
    'Each request changes exactly one thing of an otherwise valid, freshly signed assertion (or of the exchange request).',
    `Every one is an invalid authentication attempt: the collection counts them (\`${ENV_VARIABLES.maxInvalidAttempts}\`, default ${DEFAULT_MAX_INVALID_ATTEMPTS}) and stops at the first 1.2.18.`,
    '',
    '| case | request | mutates | expected | failure names |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
