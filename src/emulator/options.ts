/**
 * EmulatorOptions → checked settings with their defaults. Each failure names the option (and its CLI flag).
 */
import { isEmulatorFlaw, EMULATOR_FLAWS, EmulatorFlaw } from './flaws';
import { EmulatorOptionError } from './errors';
import type { EmulatorOptions, EmulatorOutage } from './types';

export interface EmulatorSettings {
  host: string;
  port: number;
  tokenLifetimeSeconds: number;
  lockoutAfter: number;
  lockoutSeconds: number;
  rateLimit: number;
  lang: 'pt' | 'en';
  clockSkewSeconds: number;
  processSeconds: number;
  clockOffsetSeconds: number;
  outage?: Required<EmulatorOutage>;
  flaws: ReadonlySet<EmulatorFlaw>;
  log?: (line: string) => void;
}

/**
 * The port `idcloud-postman emulator` listens on unless told: the `local` environment of collections/ and the
 * environment file `demo` writes point here (the library's default, EMULATOR_DEFAULTS.port, is a free port).
 */
export const EMULATOR_CLI_PORT = 8780;

export const EMULATOR_DEFAULTS = Object.freeze({
  host: '127.0.0.1',
  port: 0,
  /** Unico's documented default lifetime. */
  tokenLifetimeSeconds: 3600,
  /** Off: the generated negative suite (~20 invalid attempts per run) must not lock the account. */
  lockoutAfter: 0,
  lockoutSeconds: 300,
  /** Unico's documented limit, per tenant. */
  rateLimit: 10,
  lang: 'pt' as const,
  /** How far iat may be ahead of the emulator's clock; Unico documents no tolerance, clocks drift anyway. */
  clockSkewSeconds: 30,
  /** Never: a process finishes when told to (control path), so a test sees PROCESS_STATE_CREATED for as long as it likes. */
  processSeconds: 0,
});

export function resolveSettings(options: EmulatorOptions): EmulatorSettings {
  if (typeof options !== 'object' || options === null) throw new EmulatorOptionError('startEmulator: pass an options object with accounts');
  const d = EMULATOR_DEFAULTS;
  const host = options.host ?? d.host;
  if (typeof host !== 'string' || host.trim() === '') throw new EmulatorOptionError('host (--host): give an address to listen on, e.g. 127.0.0.1');
  const lang = options.lang ?? d.lang;
  if (lang !== 'pt' && lang !== 'en') throw new EmulatorOptionError(`lang (--lang): "${String(lang)}" is not pt or en`);
  const flaws = options.flaws ?? [];
  if (!Array.isArray(flaws)) throw new EmulatorOptionError('flaws (--flaw): give a list of flaw names');
  for (const flaw of flaws) {
    if (!isEmulatorFlaw(String(flaw))) {
      throw new EmulatorOptionError(`flaws (--flaw): "${String(flaw)}" is not a flaw; use one of ${Object.keys(EMULATOR_FLAWS).join(', ')}`);
    }
  }
  if (options.log !== undefined && typeof options.log !== 'function') throw new EmulatorOptionError('log: must be a function of one line');
  if (options.now !== undefined && typeof options.now !== 'function') throw new EmulatorOptionError('now: must be a function returning milliseconds since the epoch');
  const key = options.signingKey;
  if (key !== undefined && (typeof key !== 'object' || key === null || key.type !== 'private' || key.asymmetricKeyType !== 'rsa')) {
    throw new EmulatorOptionError('signingKey: give an RSA private key (a node:crypto KeyObject)');
  }
  return {
    host,
    port: wholeNumber(options.port ?? d.port, 'port (--port)', 0, 65535),
    tokenLifetimeSeconds: wholeNumber(options.tokenLifetimeSeconds ?? d.tokenLifetimeSeconds, 'tokenLifetimeSeconds (--token-lifetime)', 1),
    lockoutAfter: wholeNumber(options.lockoutAfter ?? d.lockoutAfter, 'lockoutAfter (--lockout-after)', 0),
    lockoutSeconds: wholeNumber(options.lockoutSeconds ?? d.lockoutSeconds, 'lockoutSeconds (--lockout-seconds)', 1),
    rateLimit: wholeNumber(options.rateLimit ?? d.rateLimit, 'rateLimit (--rate-limit)', 0),
    lang,
    clockSkewSeconds: wholeNumber(options.clockSkewSeconds ?? d.clockSkewSeconds, 'clockSkewSeconds (--clock-skew)', 0),
    processSeconds: wholeNumber(options.processSeconds ?? d.processSeconds, 'processSeconds (--process-seconds)', 0),
    clockOffsetSeconds: wholeNumber(options.clockOffsetSeconds ?? 0, 'clockOffsetSeconds (--clock-offset)', -MAX_CLOCK_OFFSET_SECONDS, MAX_CLOCK_OFFSET_SECONDS),
    outage: resolveOutage(options.outage),
    flaws: new Set(flaws),
    log: options.log,
  };
}

/** Ten years either way: far beyond any real skew, well inside what Date can show. */
const MAX_CLOCK_OFFSET_SECONDS = 10 * 365 * 24 * 3600;

function resolveOutage(outage: EmulatorOutage | undefined): Required<EmulatorOutage> | undefined {
  if (outage === undefined) return undefined;
  if (typeof outage !== 'object' || outage === null) throw new EmulatorOptionError('outage: give {status, body[, contentType]}');
  const status = wholeNumber(outage.status, 'outage.status', 200, 599);
  if (typeof outage.body !== 'string') throw new EmulatorOptionError('outage.body: must be the text to answer, e.g. an HTML page');
  const contentType = outage.contentType ?? 'text/html; charset=utf-8';
  if (typeof contentType !== 'string' || contentType.trim() === '') throw new EmulatorOptionError('outage.contentType: must be a media type, e.g. text/html');
  return { status, body: outage.body, contentType };
}

function wholeNumber(value: unknown, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new EmulatorOptionError(`${name}: "${String(value)}" must be a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}`);
  }
  return value;
}
