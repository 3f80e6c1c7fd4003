/**
 * One reading of each kind of flag value, for every command: strings ("non-empty or absent"), numbers with
 * their range, durations (seconds, decimals allowed), and flags that fall back to an environment variable.
 * Each failure is one line naming the flag and saying what to give (UsageError, exit 2).
 */
import { UsageError } from '../usage-error';

export type Args = Record<string, unknown>;

/** The last value of a flag given more than once (yargs makes an array of it). */
function last(value: unknown): unknown {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/** A string flag, or undefined when absent or empty (an empty flag means "not given", e.g. `--key "$UNSET"`). */
export function stringArg(value: unknown): string | undefined {
  const v = last(value);
  if (v === undefined || v === null) return undefined;
  const text = String(v);
  return text.trim() === '' ? undefined : text;
}

/**
 * A repeatable list flag (`--folder A --folder B`), also comma-separated unless its values may hold commas
 * (`--reporters cli,junit`); undefined when absent or empty.
 */
export function listArg(value: unknown, { commas = true }: { commas?: boolean } = {}): string[] | undefined {
  const values = (Array.isArray(value) ? value : [value]).map(stringArg).filter((v): v is string => v !== undefined);
  const items = commas ? values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean) : values;
  return items.length > 0 ? items : undefined;
}

/** `--flag`, else the environment variable, trimmed; undefined when both are absent or blank. */
export function flagOrEnv(args: Args, flag: string, envName: string, env: NodeJS.ProcessEnv): string | undefined {
  const value = stringArg(args[flag])?.trim() || env[envName]?.trim();
  return value ? value : undefined;
}

export interface NumberRule {
  /** Whole numbers only. */
  whole?: boolean;
  /** Smallest value allowed (inclusive, or exclusive with `above`). */
  min?: number;
  /** The value must be greater than `min`, not equal to it. */
  above?: boolean;
  max?: number;
  /** What the user reads after the rule, e.g. "(0 = off)". */
  note?: string;
}

function describeRule(rule: NumberRule, unit = ''): string {
  const kind = `${rule.whole ? 'a whole number' : 'a number'}${unit}`;
  if (rule.min !== undefined && rule.max !== undefined) return `${kind} from ${rule.min} to ${rule.max}`;
  if (rule.min !== undefined) return `${kind} ${rule.above ? '>' : '≥'} ${rule.min}`;
  return kind;
}

function fits(n: number, rule: NumberRule): boolean {
  if (!Number.isFinite(n) || (rule.whole && !Number.isInteger(n))) return false;
  if (rule.min !== undefined && (rule.above ? n <= rule.min : n < rule.min)) return false;
  return rule.max === undefined || n <= rule.max;
}

function numberOrThrow(name: string, raw: unknown, rule: NumberRule, unit = ''): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  if (fits(n, rule)) return n;
  const given = typeof raw === 'number' && Number.isNaN(raw) ? 'not a number:' : `"${String(raw)}"`;
  throw new UsageError(`--${name}: ${given} must be ${describeRule(rule, unit)}${rule.note ? ` ${rule.note}` : ''}`);
}

/** A numeric flag within its rule, or undefined when absent. */
export function numberArg(args: Args, name: string, rule: NumberRule = {}): number | undefined {
  const raw = last(args[name]);
  return raw === undefined ? undefined : numberOrThrow(name, raw, rule);
}

/** Durations on the command line are seconds, for every command (cli-contract.md); decimals are allowed. */
export const DURATION_UNIT = 'seconds';
/** Above this a duration was probably meant in milliseconds (`run --timeout` used to be). */
const SUSPICIOUS_SECONDS = 600;

/**
 * A duration flag in seconds (> 0, decimals allowed), returned in milliseconds; undefined when absent.
 * A value over 10 minutes gets a one-line warning that the unit is seconds.
 */
export function durationMsArg(args: Args, name: string, warn: (line: string) => void): number | undefined {
  const raw = last(args[name]);
  if (raw === undefined) return undefined;
  const seconds = numberOrThrow(name, raw, { min: 0, above: true }, ' of seconds');
  if (seconds > SUSPICIOUS_SECONDS) warn(`--${name} ${seconds} is in ${DURATION_UNIT} (${(seconds / 60).toFixed(0)} minutes); durations on the command line are seconds, e.g. --${name} 15`);
  return Math.round(seconds * 1000);
}
