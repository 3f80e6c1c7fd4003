/**
 * Which folders run against which environment, and the lockout guard (cli-contract.md "Suites and safety").
 * Pure: it only reads the environment's flags, whether the server is the emulator (observed at run time by the
 * preflight: its signal on loopback, never an address alone), the collection's outline and the user's choices. Suites
 * apply to collections with our folders (Token, Token errors, API); any other collection (e.g. a wrapped
 * one) runs whole, or as the `--folder` selection, as Newman would run it.
 */
import { errorClass, InputError } from '../errors';
import type { Environment } from '../environments';
import { FOLDERS } from '../suites/folders';
import { DEFAULT_MAX_INVALID_ATTEMPTS } from '../suites/variables';

export type Suite = 'smoke' | 'errors' | 'all';
export const SUITES: readonly Suite[] = ['smoke', 'errors', 'all'];
/** What an environment runs: a suite, the whole collection (no suite folders in it), or `--folder` picks. */
export type RunScope = Suite | 'collection' | 'folders';


export interface SuitePlan {
  suite: RunScope;
  /** Newman `folder` selection, in collection order; empty = the whole collection. */
  folders: string[];
  /** Whether this plan sends invalid authentication attempts. */
  sendsInvalidAttempts: boolean;
  /** Bound injected as max_invalid_attempts; undefined = the environment file's own value (the emulator). */
  maxInvalid?: number;
}

export class UnsafeErrorsSuiteError extends errorClass(InputError, 'ERR_PRODUCTION_ERRORS_SUITE') {}

export class CollectionShapeError extends errorClass(InputError, 'ERR_COLLECTION_FOLDERS') {}

export class SuiteError extends errorClass(InputError, 'ERR_SUITE') {}

export function isSuite(value: unknown): value is Suite {
  return typeof value === 'string' && (SUITES as readonly string[]).includes(value);
}

export interface SuiteChoice {
  /** Explicit --suite; undefined = `all` against the emulator, `smoke` against every other server. */
  suite?: Suite;
  /** Explicit --max-invalid. */
  maxInvalid?: number;
  allowProductionErrors?: boolean;
}

/** --suite and --max-invalid, whatever the collection. */
function checkChoice(choice: SuiteChoice): void {
  if (choice.suite !== undefined && !isSuite(choice.suite)) {
    throw new SuiteError(`--suite: "${String(choice.suite)}" is not a suite; use smoke, errors or all`);
  }
  if (choice.maxInvalid !== undefined && !(Number.isInteger(choice.maxInvalid) && choice.maxInvalid >= 0)) {
    throw new SuiteError(`--max-invalid: "${String(choice.maxInvalid)}" must be a whole number ≥ 0`);
  }
}

/**
 * `emulator`: the server said it is the emulator (runner/reachability.ts `probe`); it counts only on loopback.
 * Every other server, loopback included, is treated as Unico.
 */
export function planSuites(env: Environment, choice: SuiteChoice, emulator = false): SuitePlan {
  checkChoice(choice);
  const isEmulator = emulator && env.isLoopback;
  const suite: Suite = choice.suite ?? (isEmulator ? 'all' : 'smoke');
  const sendsInvalidAttempts = suite !== 'smoke';
  if (sendsInvalidAttempts) guardProduction(env, `--suite ${suite}`, choice);
  const folders =
    suite === 'smoke' ? [FOLDERS.token, FOLDERS.api]
    : suite === 'errors' ? [FOLDERS.tokenErrors]
    : [FOLDERS.token, FOLDERS.tokenErrors, FOLDERS.api];
  return { suite, folders, sendsInvalidAttempts, maxInvalid: sendsInvalidAttempts ? invalidBound(isEmulator, choice) : undefined };
}

function guardProduction(env: Environment, what: string, choice: SuiteChoice): void {
  if (env.isProduction && !choice.allowProductionErrors) {
    throw new UnsafeErrorsSuiteError(
      `${what}: the errors suite sends invalid attempts that can lock the production account (1.2.18); ` +
        'add --allow-production-errors to run it against production, or use --suite smoke',
    );
  }
}

/** Against anything but the emulator the bound always applies; against the emulator only when the user set one. */
function invalidBound(emulator: boolean, choice: SuiteChoice): number | undefined {
  return emulator ? choice.maxInvalid : choice.maxInvalid ?? DEFAULT_MAX_INVALID_ATTEMPTS;
}

/** An item of the collection tree, by name, with where it sits relative to the Token errors folder. */
interface OutlineItem {
  name: string;
  topLevel: boolean;
  /** It is the Token errors folder, or inside it: running it sends invalid attempts. */
  sendsInvalidAttempts: boolean;
}

function outline(collection: object): OutlineItem[] {
  const items: OutlineItem[] = [];
  const walk = (list: unknown, inErrors: boolean, topLevel: boolean) => {
    if (!Array.isArray(list)) return;
    for (const raw of list) {
      const item = raw as { name?: unknown; item?: unknown } | null;
      if (!item || typeof item.name !== 'string') continue;
      const errors = inErrors || (topLevel && item.name === FOLDERS.tokenErrors);
      items.push({ name: item.name, topLevel, sendsInvalidAttempts: errors });
      walk(item.item, errors, false);
    }
  };
  walk((collection as { item?: unknown }).item, false, true);
  return items;
}

function topLevelNames(items: readonly OutlineItem[]): Set<string> {
  return new Set(items.filter((i) => i.topLevel).map((i) => i.name));
}

/** Whether the collection has any of our suite folders at the top (a generated collection; not a wrapped one). */
export function hasSuiteFolders(collection: object): boolean {
  const top = topLevelNames(outline(collection));
  return Object.values(FOLDERS).some((name) => top.has(name));
}

export interface RunChoice extends SuiteChoice {
  /** Newman's `--folder`: run only these folders or requests (by name, anywhere in the collection). */
  folders?: readonly string[];
}

/**
 * The plan for one environment and collection: the `--folder` picks when given (the lockout guard still
 * applies to Token errors against anything but the emulator), else a suite when the collection has our folders
 * or --suite is given, else the whole collection. `emulator` as for planSuites.
 */
export function planRun(env: Environment, collection: object, choice: RunChoice, emulator = false): SuitePlan {
  checkChoice(choice);
  const items = outline(collection);
  if (choice.folders && choice.folders.length > 0) return planFolders(env, items, choice, [...new Set(choice.folders)], emulator && env.isLoopback);
  if (choice.suite === undefined && !hasSuiteFolders(collection)) return { suite: 'collection', folders: [], sendsInvalidAttempts: false };
  const plan = planSuites(env, choice, emulator);
  const top = topLevelNames(items);
  // Newman would stop with "unable to find a folder": say which one is missing before anything runs.
  for (const folder of plan.folders) {
    if (!top.has(folder)) {
      throw new CollectionShapeError(`collection: no top-level folder "${folder}" for suite ${plan.suite}; use a collection from idcloud-postman generate, or pick another --suite`);
    }
  }
  return plan;
}

function planFolders(env: Environment, items: readonly OutlineItem[], choice: RunChoice, folders: string[], emulator: boolean): SuitePlan {
  for (const name of folders) {
    if (!items.some((i) => i.name === name)) {
      const top = [...topLevelNames(items)].map((n) => `"${n}"`).join(', ');
      throw new CollectionShapeError(`--folder: the collection has no folder or request named "${name}"; its top-level items are ${top || 'none'}`);
    }
  }
  const sendsInvalidAttempts = items.some((i) => i.sendsInvalidAttempts && folders.includes(i.name));
  if (!sendsInvalidAttempts) return { suite: 'folders', folders, sendsInvalidAttempts };
  const asked = choice.suite === 'errors' || choice.suite === 'all';
  if (!emulator && !asked) {
    throw new UnsafeErrorsSuiteError(
      `--folder: "${FOLDERS.tokenErrors}" sends invalid authentication attempts, which count toward the account's lockout (1.2.18); ` +
        `add --suite errors to send them to ${env.name}, or pick other folders`,
    );
  }
  guardProduction(env, '--folder', choice);
  return { suite: 'folders', folders, sendsInvalidAttempts, maxInvalid: invalidBound(emulator, choice) };
}
