/**
 * Unico's base payload (`{"iss": ..., "aud": ..., "scope": "*", "iat": ..., "exp": ...}`) or a bare `iss`:
 * validated against Unico's claim rules in src/idcloud. aud/iat/exp are recomputed when signing, so only
 * `iss` is taken from it; aud is kept so that doctor can compare it with the environment.
 */
import { ALLOWED_CLAIMS, extraClaimNames, ISS_EXAMPLE, parseIss, REQUIRED_SCOPE } from '../idcloud/claims';
import {
  AccountTooLongError, AudNotStringError, CredentialError, ForbiddenClaimsError, IssInvalidError, IssMissingError,
  IssNotStringError, PayloadConflictError, PayloadEmptyError, PayloadFileNotFoundError, PayloadFileUnreadableError,
  PayloadMissingError, PayloadNotJsonError, PayloadNotObjectError, ScopeInvalidError,
} from './errors';
import { readInputFile } from './read-file';

export interface BasePayload {
  iss: string;
  account: string;
  tenant: string;
  /** As written in the payload file, if at all; signing always uses the environment's identity URL. */
  aud?: string;
  /** The payload file path, '--iss', or the environment variable it came from. */
  source: string;
}

export const PAYLOAD_FILE_ENV = 'IDCLOUD_PAYLOAD_FILE';
export const ISS_ENV = 'IDCLOUD_ISS';

/** Every problem of an iss value, named as `field` (e.g. "payload file p.json: iss" or "--iss"). */
export function issProblems(iss: unknown, field: string): CredentialError[] {
  if (iss === undefined) return [new IssMissingError(`${field} is missing; add "iss": "${ISS_EXAMPLE}" (from Unico's base payload)`)];
  if (typeof iss !== 'string') return [new IssNotStringError(`${field} must be a string like "${ISS_EXAMPLE}", not ${typeOf(iss)}`)];
  if (parseIss(iss)) return [];
  const loose = /^([^@]*)@([^@]*?)\.?iam\.acesso\.io$/.exec(iss);
  if (loose && loose[1].length > 12 && /^[A-Za-z0-9._-]+$/.test(loose[1]) && /^[A-Za-z0-9-]+$/.test(loose[2])) {
    return [new AccountTooLongError(`${field}: account name "${loose[1]}" has ${loose[1].length} characters; Unico allows at most 12 — copy iss exactly from Unico's base payload`)];
  }
  if (loose && loose[2] === '') {
    return [new IssInvalidError(`${field} "${iss}" has no tenant; expected <account>@<tenant_id>.iam.acesso.io — copy iss exactly from Unico's base payload`)];
  }
  if (!iss.includes('@')) {
    return [new IssInvalidError(`${field} "${iss}" has no account part; expected <account>@<tenant_id>.iam.acesso.io — copy iss exactly from Unico's base payload`)];
  }
  return [new IssInvalidError(`${field} "${iss}" is not of the form <account>@<tenant_id>.iam.acesso.io; copy iss exactly from Unico's base payload`)];
}

/** Every problem of a parsed payload object; `where` names it (e.g. "payload file p.json"). */
export function payloadObjectProblems(value: unknown, where: string): CredentialError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [new PayloadNotObjectError(`${where} must hold a JSON object like {"iss": "${ISS_EXAMPLE}", "scope": "*"}, not ${typeOf(value)}`)];
  }
  const claims = value as Record<string, unknown>;
  const problems = issProblems(claims.iss, `${where}: iss`);
  const extra = extraClaimNames(claims);
  if (extra.length > 0) {
    const why = extra.includes('sub') ? ' (sub asks for impersonation, which Unico refuses)' : '';
    problems.push(new ForbiddenClaimsError(`${where} has claims Unico forbids: ${extra.join(', ')}${why}; keep only ${ALLOWED_CLAIMS.join(', ')} (Unico answers 1.2.22 otherwise)`));
  }
  if (claims.scope !== undefined && claims.scope !== REQUIRED_SCOPE) {
    problems.push(new ScopeInvalidError(`${where}: scope is ${JSON.stringify(claims.scope)}; Unico requires "scope": "${REQUIRED_SCOPE}"`));
  }
  if (claims.aud !== undefined && typeof claims.aud !== 'string') {
    problems.push(new AudNotStringError(`${where}: aud must be a string (the identity URL, e.g. https://identityhomolog.acesso.io), not ${typeOf(claims.aud)}`));
  }
  return problems;
}

export { extraClaimNames } from '../idcloud/claims';

/** Parses payload JSON text; throws the first problem. */
export function parsePayload(text: string, source: string): BasePayload {
  const where = `payload file ${source}`;
  const value = parsePayloadJson(text, where);
  const problems = payloadObjectProblems(value, where);
  if (problems.length > 0) throw problems[0];
  const claims = value as Record<string, unknown>;
  return toBasePayload(claims.iss as string, source, claims.aud as string | undefined);
}

/** JSON.parse with typed, one-line errors (no JSON text in the message: a mistaken key file could be pasted here). */
export function parsePayloadJson(text: string, where: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new PayloadEmptyError(`${where} is empty; it should hold Unico's base payload JSON, e.g. {"iss": "${ISS_EXAMPLE}", "scope": "*"}`);
  if (trimmed.startsWith('-----BEGIN')) {
    throw new PayloadNotJsonError(`${where} holds PEM text, not JSON; the key goes in --key and the base payload JSON in --payload`);
  }
  try {
    return JSON.parse(trimmed);
  } catch (error) {
    const detail = (error as Error).message.split('\n')[0].replace(/"[^"]{20,}"/g, '"…"');
    throw new PayloadNotJsonError(`${where} is not valid JSON (${detail}); it should hold Unico's base payload, e.g. {"iss": "${ISS_EXAMPLE}", "scope": "*"}`, { cause: error });
  }
}

/** Where the payload comes from, after flag/environment precedence; nothing is read yet. */
export type PayloadInput = { kind: 'file'; file: string; origin?: string } | { kind: 'iss'; iss: string; source: string };

/**
 * `file`, else `iss`, else `IDCLOUD_PAYLOAD_FILE`, else `IDCLOUD_ISS`. Giving both flags is a usage
 * error: it is unclear which iss is meant.
 */
export function resolvePayloadInput(opts: { file?: string; iss?: string; env?: NodeJS.ProcessEnv }): PayloadInput {
  const env = opts.env ?? {};
  const file = nonEmpty(opts.file);
  const iss = nonEmpty(opts.iss);
  if (file && iss) throw new PayloadConflictError('give either --payload FILE or --iss ISS, not both');
  if (file) return { kind: 'file', file };
  if (iss !== undefined) return { kind: 'iss', iss, source: '--iss' };
  const envFile = nonEmpty(env[PAYLOAD_FILE_ENV]);
  if (envFile) return { kind: 'file', file: envFile };
  const envIss = nonEmpty(env[ISS_ENV]);
  if (envIss !== undefined) return { kind: 'iss', iss: envIss, source: ISS_ENV };
  throw new PayloadMissingError(`no payload: give --payload FILE (Unico's base payload JSON) or --iss ISS, or set ${PAYLOAD_FILE_ENV} or ${ISS_ENV}`);
}

export function loadPayload(opts: { file?: string; iss?: string; env?: NodeJS.ProcessEnv }): BasePayload {
  const input = resolvePayloadInput(opts);
  return input.kind === 'file' ? loadPayloadFile(input.file) : payloadFromIss(input.iss, input.source);
}

/** The payload file's text; typed errors when it is missing or unreadable. */
export function readPayloadFile(file: string): string {
  return readInputFile(file, 'payload file', PayloadFileNotFoundError, PayloadFileUnreadableError).toString('utf8');
}

export function loadPayloadFile(file: string): BasePayload {
  return parsePayload(readPayloadFile(file), file);
}

/** A payload from a bare iss value; `source` is '--iss' or the environment variable's name. */
export function payloadFromIss(iss: string, source: string): BasePayload {
  const value = iss.trim();
  const problems = issProblems(value, source);
  if (problems.length > 0) throw problems[0];
  return toBasePayload(value, source, undefined);
}

function toBasePayload(iss: string, source: string, aud: string | undefined): BasePayload {
  const { account, tenant } = parseIss(iss)!;
  return { iss, account, tenant, ...(aud !== undefined ? { aud } : {}), source };
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
