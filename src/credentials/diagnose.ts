/**
 * The offline checks of `doctor`: each check yields one line, `ok`, `problem` or `skip`, and a check that
 * fails does not stop the others — the user gets every finding in one go. Pure apart from reading files.
 */
import type { Environment } from '../environments';
import { audienceOf, resolveEnvironments } from '../environments';
import { IdcloudPostmanError } from '../errors';
import { ALLOWED_CLAIMS } from '../idcloud/claims';
import { CLOCK_OFFSET_THRESHOLD_SECONDS } from '../idcloud/clock';
import { builtInEnvironmentOf, checkPayloadForEnvironment, describePayloadSource, Problem } from './audience';
import { checkKeyMatchesCertificate } from './certificate';
import {
  BasePayload, issProblems, parsePayloadJson, PayloadInput, payloadFromIss, payloadObjectProblems, readPayloadFile, resolvePayloadInput,
} from './payload';
import { loadPrivateKey, PrivateKeyInfo, describeKeySource } from './private-key';
import { withOrigin } from './read-file';
import type { Credentials } from './load';

/** `warn`: worth fixing, but nothing failed (a skewed clock the exchange worked around). */
export type CheckStatus = 'ok' | 'problem' | 'skip' | 'warn';

export interface CheckLine {
  /** Short name of what was checked: key, payload, iss, claims, aud, certificate, online. */
  check: string;
  status: CheckStatus;
  message: string;
  /** The error code for a problem. */
  code?: string;
}

export interface Diagnosis {
  lines: CheckLine[];
  /** Present when key and payload both loaded (problems elsewhere may remain). */
  credentials?: Credentials;
  /** Present when the key loaded. */
  key?: PrivateKeyInfo;
  problemCount: number;
}

export interface DiagnoseOptions {
  payload?: string;
  iss?: string;
  key?: string;
  cert?: string;
  /** An exchange follows (doctor --online): it, not these offline checks, matches the key to the account. */
  online?: boolean;
  env?: NodeJS.ProcessEnv;
  environments: readonly Environment[];
  /** Where the payload comes from, when not from payload/iss/env above (an environment's own account). */
  payloadInput?: () => PayloadInput;
  /** Loads the key, when not from key/env above (an environment's own account). */
  loadKey?: () => PrivateKeyInfo;
}

export function diagnoseCredentials(opts: DiagnoseOptions): Diagnosis {
  const lines: CheckLine[] = [];
  const key = checkKey(opts, lines);
  const payload = checkPayload(opts, lines);
  if (payload) checkAudience(payload, opts.environments, lines);
  if (opts.cert) {
    if (key) checkCertificate(key, opts.cert, lines);
    else lines.push({ check: 'certificate', status: 'skip', message: `${opts.cert} not compared: the private key did not load` });
  } else if (key && payload && !opts.online) {
    // Offline, nothing says which key Unico registered for this iss: a key of another account passes every check above.
    lines.push({
      check: 'account',
      status: 'skip',
      message: `the key was not matched to ${payload.iss}'s registered key (offline doctor cannot know it): add --online --env ENV (one exchange) or --cert FILE (the certificate or public key registered for the account)`,
    });
  }
  const problemCount = lines.filter((l) => l.status === 'problem').length;
  const credentials = key && payload ? { iss: payload.iss, account: payload.account, tenant: payload.tenant, key, payload } : undefined;
  return { lines, credentials, key, problemCount };
}

function problem(check: string, error: Problem): CheckLine {
  return { check, status: 'problem', message: error.message, code: error.code };
}

/** Runs `body`; a library error becomes a problem line, anything else is a bug and propagates. */
function attempt<T>(check: string, lines: CheckLine[], body: () => T): T | undefined {
  try {
    return body();
  } catch (error) {
    if (error instanceof IdcloudPostmanError) {
      lines.push(problem(check, error));
      return undefined;
    }
    throw error;
  }
}

function checkKey(opts: DiagnoseOptions, lines: CheckLine[]): PrivateKeyInfo | undefined {
  const key = attempt('key', lines, opts.loadKey ?? (() => loadPrivateKey({ file: opts.key, env: opts.env })));
  if (key) {
    const format = key.format === 'pkcs1' ? 'PKCS#1' : 'PKCS#8';
    lines.push({ check: 'key', status: 'ok', message: `${describeKeySource(key.source)}: RSA ${key.bits}-bit private key (${format}), not encrypted` });
  }
  return key;
}

function checkPayload(opts: DiagnoseOptions, lines: CheckLine[]): BasePayload | undefined {
  const input = attempt('payload', lines, opts.payloadInput ?? (() => resolvePayloadInput({ file: opts.payload, iss: opts.iss, env: opts.env })));
  if (!input) return undefined;
  if (input.kind === 'iss') {
    const payload = attempt('iss', lines, () => payloadFromIss(input.iss, input.source));
    if (payload) lines.push(issOk(payload));
    return payload;
  }
  const where = `${input.origin ? `${input.origin}: ` : ''}payload file ${input.file}`;
  const value = attempt('payload', lines, () => parsePayloadJson(withOrigin(input.origin, () => readPayloadFile(input.file)), where));
  if (value === undefined) return undefined;
  const problems = payloadObjectProblems(value, where);
  if (problems.length === 1 && problems[0].code === 'ERR_PAYLOAD_NOT_OBJECT') {
    lines.push(problem('payload', problems[0]));
    return undefined;
  }
  lines.push({ check: 'payload', status: 'ok', message: `${where}: a JSON object` });
  const claims = value as Record<string, unknown>;
  const issFindings = issProblems(claims.iss, `${where}: iss`);
  const claimFindings = problems.filter((p) => !issFindings.some((i) => i.code === p.code));
  let payload: BasePayload | undefined;
  if (issFindings.length === 0) {
    payload = { ...payloadFromIss(claims.iss as string, input.file), ...(typeof claims.aud === 'string' ? { aud: claims.aud } : {}) };
    lines.push(issOk(payload));
  }
  for (const p of issFindings) lines.push(problem('iss', p));
  for (const p of claimFindings) lines.push(problem('claims', p));
  if (claimFindings.length === 0) lines.push({ check: 'claims', status: 'ok', message: `only ${ALLOWED_CLAIMS.join(', ')} (aud, iat and exp are recomputed when signing)` });
  return payload;
}

function issOk(payload: BasePayload): CheckLine {
  return { check: 'iss', status: 'ok', message: `${payload.iss} (account ${payload.account}, tenant ${payload.tenant})` };
}

function checkAudience(payload: BasePayload, environments: readonly Environment[], lines: CheckLine[]): void {
  const where = describePayloadSource(payload.source);
  let targets = environments;
  if (targets.length === 0) {
    const inferred = payload.aud !== undefined ? builtInEnvironmentOf(payload.aud) : undefined;
    if (!inferred) {
      const why = payload.aud === undefined ? 'no aud in the payload' : `aud "${payload.aud}" is not one of Unico's identity hosts`;
      lines.push({ check: 'aud', status: 'skip', message: `${why}; give --env to compare it with an environment` });
      return;
    }
    targets = resolveEnvironments([inferred]);
  }
  for (const env of targets) {
    const problems = checkPayloadForEnvironment(payload, env);
    for (const p of problems) lines.push(problem('aud', p));
    if (problems.length > 0) continue;
    const message = payload.aud === undefined
      ? `${where} has no aud; it is set to ${audienceOf(env)} for ${env.name} when signing`
      : `${where}: aud matches ${env.name} (${audienceOf(env)})`;
    lines.push({ check: 'aud', status: 'ok', message });
  }
}

function checkCertificate(key: PrivateKeyInfo, file: string, lines: CheckLine[]): void {
  const result = attempt('certificate', lines, () => checkKeyMatchesCertificate(key, file));
  if (!result) return;
  for (const p of result.problems) lines.push(problem('certificate', p));
  if (result.problems.length === 0) lines.push({ check: 'certificate', status: 'ok', message: `${result.kind} ${file} belongs to the private key` });
}

/** doctor --online's report of the local clock against an environment's token endpoint (its Date header). */
export function clockCheckLine(environment: string, offsetSeconds: number): CheckLine {
  if (offsetSeconds === 0) return { check: 'clock', status: 'ok', message: `${environment}: the local clock agrees with the token endpoint's (within ${CLOCK_OFFSET_THRESHOLD_SECONDS} s)` };
  const direction = offsetSeconds > 0 ? 'behind' : 'ahead of';
  return {
    check: 'clock',
    status: 'warn',
    message: `${environment}: the local clock is ${Math.abs(offsetSeconds)} s ${direction} the token endpoint's; assertions were dated by the server's clock — synchronise this machine's clock (NTP)`,
  };
}

/** The one-line text of a check, as doctor prints it. */
export function formatCheckLine(line: CheckLine): string {
  const code = line.code ? ` [${line.code}]` : '';
  return `${line.status.padEnd(7)} ${line.check.padEnd(11)} ${line.message}${code}`;
}


