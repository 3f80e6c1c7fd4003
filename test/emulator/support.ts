/**
 * Test support for the emulator: assertions signed with node:crypto (deliberately not the project's
 * sandbox signer, so the two check each other), raw HTTP over loopback, and a standard set of accounts.
 */
import { createHmac, KeyObject, sign } from 'node:crypto';
import http from 'node:http';
import type { EmulatorAccount, EmulatorOptions, RunningEmulator } from '../../src/emulator';
import { JWT_BEARER_GRANT_TYPE } from '../../src/idcloud/hosts';
import { startTestEmulator as startEmulatorForTests } from '../helpers/emulator';
import { testKeyPair, TEST_ISS } from '../helpers/keys';

export const TENANT = TEST_ISS.split('@')[1].split('.')[0];
export const issAt = (account: string, tenant = TENANT) => `${account}@${tenant}.iam.acesso.io`;
export const API_KEY = 'test-api-key-0001';

/** One active account (TEST_ISS) plus one per non-active status, all with the same public key. */
export function standardAccounts(): EmulatorAccount[] {
  const publicKey = testKeyPair().spkiPem;
  return [
    { iss: TEST_ISS, publicKey, apiKey: API_KEY },
    { iss: issAt('second'), publicKey, apiKey: 'second-key' },
    { iss: issAt('disabled'), publicKey, status: 'disabled' },
    { iss: issAt('appinactive'), publicKey, status: 'app-inactive' },
    { iss: issAt('noperm'), publicKey, status: 'no-permission' },
    { iss: issAt('locked'), publicKey, status: 'locked' },
    { iss: issAt('revoked'), publicKey, status: 'key-revoked' },
  ];
}

/** The test emulator (helpers/emulator.ts: loopback, rate limit off) with the standard accounts. */
export function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  return startEmulatorForTests({ accounts: standardAccounts(), ...options });
}

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
export const nowSeconds = () => Math.floor(Date.now() / 1000);

let variant = 0;
/**
 * Unico's claim set for `aud`. RS256 signatures are deterministic, so two assertions with the same claims
 * signed in the same second are byte-identical (a replay): each call shortens exp by a different second
 * (never the full 3600 s, which the tests that need exactly that lifetime set themselves).
 */
export function claims(aud: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = nowSeconds();
  return { iss: TEST_ISS, aud, scope: '*', iat, exp: iat + 3599 - (variant++ % 1800), ...overrides };
}

export function signRs256(payload: Record<string, unknown>, key: KeyObject = testKeyPair().privateKey, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT' }): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

export function signHs256(payload: Record<string, unknown>, secret: string | Buffer): string {
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

export function unsigned(payload: Record<string, unknown>): string {
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
}

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export const FORM = 'application/x-www-form-urlencoded';

export function postForm(url: string, fields: Record<string, string>, contentType = FORM): Promise<HttpResult> {
  return request(`${url}/oauth2/token`, { method: 'POST', headers: { 'Content-Type': contentType }, body: new URLSearchParams(fields).toString() });
}

export function exchange(url: string, assertion: string): Promise<HttpResult> {
  return postForm(url, { grant_type: JWT_BEARER_GRANT_TYPE, assertion });
}

/** A fresh, valid assertion for TEST_ISS (or `overrides`) exchanged for an access token. */
export async function accessToken(url: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await exchange(url, signRs256(claims(url, overrides)));
  if (result.status !== 200) throw new Error(`exchange failed: ${result.status} ${result.text}`);
  return result.json.access_token as string;
}

export const PT = (code?: string) => ({ error: 'server_error', error_description: code ? `Falha na autenticação ${code}` : 'Falha na autenticação' });

/**
 * A clock for the emulator's `now` option that stands still until told to move: a test crosses a token
 * lifetime or a lockout in no time instead of sleeping through it, and nothing expires early on a slow machine.
 * It starts at the real time (assertions are signed on the real clock, well inside the emulator's skew).
 */
export function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let nowMs = Date.now();
  return { now: () => nowMs, advance: (ms) => void (nowMs += ms) };
}

/** Product-API bodies that pass validation, and the tiny files inside them (made here, not committed). */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A CPF with valid check digits, outside the emulator's scenario table (so: the default scenario). */
export const CPF = '52998224725';

export function unicoProcessBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    callbackUri: 'https://example.test/done',
    flow: 'idcheck',
    purpose: 'creditprocess',
    person: { duiType: 'DUI_TYPE_BR_CPF', duiValue: CPF, friendlyName: 'Maria Teste' },
    ...overrides,
  };
}

export function signProcessBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return unicoProcessBody({
    flow: 'idsign',
    payload: [{ envelopePayload: { documents: [{ documentName: 'contract.pdf', fileContents: TINY_PDF.toString('base64') }] } }],
    ...overrides,
  });
}

export function clientProcessBody(overrides: Record<string, unknown> = {}, subject: Record<string, unknown> = {}): Record<string, unknown> {
  return { subject: { code: CPF, name: 'Maria Teste', ...subject }, imageBase64: TINY_PNG.toString('base64'), ...overrides };
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  return request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** The emulator's control path: finish a process, move the product clock. */
export function finishProcess(url: string, id: string, result = 'PROCESS_RESULT_OK'): Promise<HttpResult> {
  return postJson(`${url}/_emulator/processes/${id}/finish`, { result });
}

export function advanceClock(url: string, seconds: number): Promise<HttpResult> {
  return postJson(`${url}/_emulator/clock`, { advanceSeconds: seconds });
}

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });
/** by Unico's gRPC-style error body, whose message starts with `field` when one is given. */
export const unicoErrorBody = (code: number, field?: string) => ({ code, message: field ? expect.stringMatching(new RegExp(`^${escapeRegExp(field)}: `)) : expect.any(String), details: [] });
/** by Client's error body, whose description starts with `field` when one is given. */
export const clientErrorBody = (code: string, field?: string) => ({ error: { code, description: field ? expect.stringMatching(new RegExp(`^${escapeRegExp(field)}: `)) : expect.any(String) } });
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** mulberry32: small, seedable, good enough to pick mutations (the fuzz tests print their seed). */
/**
 * The fuzz tests' seed: fixed, so that every run sends the same requests and a failure replays as it is;
 * FUZZ_SEED=N explores another sequence.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An emulator with the standard accounts, plus a limited account's auth: the product API tests' common setup. */
export interface LimitedSetup {
  emulator: RunningEmulator;
  url: string;
  /** The standard account's Bearer (and APIKEY when `apiKey` is given). */
  auth: Record<string, string>;
  /** The limited account's Bearer (and its APIKEY). */
  limitedAuth: Record<string, string>;
}

/** Starts the emulator with `standardAccounts()` and an account `readonly@…` that has only `capabilities`. */
export async function startWithLimitedAccount(capabilities: string[], opts: { apiKey?: boolean; options?: Partial<EmulatorOptions> } = {}): Promise<LimitedSetup> {
  const limitedIss = issAt('readonly');
  const limitedKey = opts.apiKey ? 'limited-key' : undefined;
  const emulator = await startTestEmulator({
    ...opts.options,
    accounts: [...standardAccounts(), { iss: limitedIss, publicKey: testKeyPair().spkiPem, ...(limitedKey ? { apiKey: limitedKey } : {}), capabilities } as EmulatorAccount],
  });
  const url = emulator.url;
  const withKey = (headers: Record<string, string>, key: string | undefined) => (key ? { ...headers, APIKEY: key } : headers);
  return {
    emulator,
    url,
    auth: withKey(bearer(await accessToken(url)), opts.apiKey ? API_KEY : undefined),
    limitedAuth: withKey(bearer(await accessToken(url, { iss: limitedIss })), limitedKey),
  };
}
