/**
 * The payload's `aud` against an environment. Signing always recomputes aud from the environment, so a
 * wrong aud never breaks our own exchange — but it tells the user that the payload (and probably the key)
 * belongs to another environment, or that their own tooling (e.g. Unico's collection) will fail.
 */
import { audienceOf, Environment } from '../environments';
import { BUILT_IN_ENVIRONMENTS } from '../idcloud/hosts';
import {
  AudHasPathError, AudMismatchError, AudNotHttpsError, AudOtherEnvironmentError, AudTrailingSlashError,
} from './errors';
import type { BasePayload } from './payload';

/** A check's finding: the typed errors satisfy it, so callers can print or throw them alike. */
export interface Problem {
  code: string;
  message: string;
}

export function checkPayloadForEnvironment(payload: BasePayload, env: Environment): Problem[] {
  const aud = payload.aud;
  const audience = audienceOf(env);
  if (aud === undefined || aud === audience) return [];
  const where = `${describePayloadSource(payload.source)}: aud "${aud}"`;
  const expected = `--env ${env.name} expects "${audience}"${env.audience ? ' (its audience)' : ''}`;
  const parsed = safeUrl(aud);
  const wanted = new URL(audience);
  if (aud.replace(/\/+$/, '') === audience) {
    return [new AudTrailingSlashError(`${where} ends with "/"; ${expected} — remove the trailing slash (Unico compares aud exactly)`)];
  }
  if (parsed && parsed.host === wanted.host && parsed.protocol !== wanted.protocol) {
    return [new AudNotHttpsError(`${where} uses ${parsed.protocol.slice(0, -1)}; ${expected} — use ${wanted.protocol.slice(0, -1)}`)];
  }
  if (parsed && parsed.host === wanted.host) {
    return [new AudHasPathError(`${where} has a path; ${expected} — aud is the identity origin, not the token endpoint URL`)];
  }
  const other = builtInEnvironmentOf(aud);
  if (other && other !== env.name) {
    return [new AudOtherEnvironmentError(`${where} is ${other}'s identity host; ${expected} — these credentials are probably for ${other}: use the ${env.name} service account's key and payload`)];
  }
  return [new AudMismatchError(`${where} does not match the environment; ${expected} — fix aud or pick the right --env`)];
}

/** 'uat' or 'production' when `aud` points at one of Unico's identity hosts (whatever its scheme or slash). */
export function builtInEnvironmentOf(aud: string): 'uat' | 'production' | undefined {
  const host = safeUrl(aud)?.host;
  if (!host) return undefined;
  for (const name of ['uat', 'production'] as const) {
    if (new URL(BUILT_IN_ENVIRONMENTS[name].identityUrl).host === host) return name;
  }
  return undefined;
}

export function describePayloadSource(source: string): string {
  // A flag or a config field ('--iss', '--config environments.uat.iss') or an environment variable, else a file.
  return source.startsWith('--') || /^[A-Z][A-Z0-9_]*$/.test(source) ? source : `payload file ${source}`;
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
