/**
 * Which folders run against which environment, and the lockout guard (cli-contract.md "Suites and safety").
 * Pure: it only reads the environment's flags and the user's choices.
 */
import { InputError } from '../errors';
import type { Environment } from '../environments';
import { FOLDER_NAMES } from './variables';

export type Suite = 'smoke' | 'errors' | 'all';
export const SUITES: readonly Suite[] = ['smoke', 'errors', 'all'];

/** Default bound on invalid attempts off loopback. */
export const DEFAULT_MAX_INVALID = 20;

export interface SuitePlan {
  suite: Suite;
  /** Newman `folder` selection, in collection order. */
  folders: string[];
  /** Whether this plan sends invalid authentication attempts. */
  sendsInvalidAttempts: boolean;
  /** Bound injected as max_invalid_attempts; undefined = the environment file's own value (loopback). */
  maxInvalid?: number;
}

export class UnsafeErrorsSuiteError extends InputError {
  constructor(message: string) {
    super('ERR_PRODUCTION_ERRORS_SUITE', message);
  }
}

export class SuiteError extends InputError {
  constructor(message: string) {
    super('ERR_SUITE', message);
  }
}

export function isSuite(value: unknown): value is Suite {
  return typeof value === 'string' && (SUITES as readonly string[]).includes(value);
}

export interface SuiteChoice {
  /** Explicit --suite; undefined = `all` on loopback, `smoke` elsewhere. */
  suite?: Suite;
  /** Explicit --max-invalid. */
  maxInvalid?: number;
  allowProductionErrors?: boolean;
}

export function planSuites(env: Environment, choice: SuiteChoice): SuitePlan {
  if (choice.suite !== undefined && !isSuite(choice.suite)) {
    throw new SuiteError(`--suite: "${String(choice.suite)}" is not a suite; use smoke, errors or all`);
  }
  if (choice.maxInvalid !== undefined && !(Number.isInteger(choice.maxInvalid) && choice.maxInvalid >= 0)) {
    throw new SuiteError(`--max-invalid: "${String(choice.maxInvalid)}" must be a whole number ≥ 0`);
  }
  const suite: Suite = choice.suite ?? (env.isLoopback ? 'all' : 'smoke');
  const sendsInvalidAttempts = suite !== 'smoke';
  if (sendsInvalidAttempts && env.isProduction && !choice.allowProductionErrors) {
    throw new UnsafeErrorsSuiteError(
      `--suite ${suite}: the errors suite sends invalid attempts that can lock the production account (1.2.18); ` +
        'add --allow-production-errors to run it against production, or use --suite smoke',
    );
  }
  const folders =
    suite === 'smoke' ? [FOLDER_NAMES.token, FOLDER_NAMES.api]
    : suite === 'errors' ? [FOLDER_NAMES.tokenErrors]
    : [FOLDER_NAMES.token, FOLDER_NAMES.tokenErrors, FOLDER_NAMES.api];
  // Off loopback the bound always applies; on loopback only when the user set one.
  const maxInvalid = env.isLoopback ? choice.maxInvalid : choice.maxInvalid ?? DEFAULT_MAX_INVALID;
  return { suite, folders, sendsInvalidAttempts, maxInvalid: sendsInvalidAttempts ? maxInvalid : undefined };
}
