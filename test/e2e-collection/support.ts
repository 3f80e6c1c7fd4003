/**
 * End-to-end setup: a real emulator on a free loopback port with one test account (helpers/emulator.ts), the
 * generated collection and environment file for it, and the environment values a run needs. Nothing is mocked.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateCollection, GeneratedFiles } from '../../src/collection';
import { makeEnvironment } from '../../src/environments';
import type { EmulatorAccount, EmulatorOptions, RunningEmulator } from '../../src/emulator';
import { startTestEmulator, TEST_API_KEY } from '../helpers/emulator';
import { testKeyPair, TEST_ISS } from '../helpers/keys';

export const API_KEY = TEST_API_KEY;
export const keys = testKeyPair();

export interface Setup {
  emulator: RunningEmulator;
  files: GeneratedFiles;
  /** Every variable of the environment file, with private_key and api_key filled in. */
  envValues: Record<string, string>;
}

export async function setUp(options: Partial<EmulatorOptions> = {}, extra: Record<string, string> = {}, account: Partial<EmulatorAccount> = {}): Promise<Setup> {
  const emulator = await startTestEmulator({ ...options, account });
  const files = generateCollection({ environments: [makeEnvironment('local', { identityUrl: emulator.url })], iss: TEST_ISS });
  const envValues: Record<string, string> = {};
  for (const v of (files.environments[0].json as { values: { key: string; value: string }[] }).values) envValues[v.key] = v.value;
  Object.assign(envValues, { private_key: keys.pkcs8Pem, api_key: API_KEY }, extra);
  return { emulator, files, envValues };
}

/** Only the given folders of a generated collection (what newman --folder does), for the library runners. */
export function onlyFolders(collection: object, names: readonly string[]): object {
  const c = collection as { item: { name: string }[] };
  return { ...c, item: c.item.filter((folder) => names.includes(folder.name)) };
}

/**
 * Only the named requests of a generated collection, in their folders and in collection order (folders left
 * empty are dropped): what a test needs when it is about a few requests, not a whole folder. Every name must
 * exist, so that a renamed request fails the test instead of silently running nothing.
 */
export function onlyRequests(collection: object, names: readonly string[]): object {
  const c = collection as { item: { name: string; item?: { name: string }[] }[] };
  const item = c.item
    .map((folder) => ({ ...folder, item: (folder.item ?? []).filter((request) => names.includes(request.name)) }))
    .filter((folder) => folder.item.length > 0);
  const kept = new Set(item.flatMap((folder) => folder.item.map((request) => request.name)));
  const missing = names.filter((name) => !kept.has(name));
  if (missing.length > 0) throw new Error(`onlyRequests: the collection has no request named ${missing.map((n) => JSON.stringify(n)).join(', ')}`);
  return { ...c, item };
}

/**
 * Enough token requests to meet a 429 from an emulator limited to RATE_LIMITED.perSecond in any run: the Token
 * exchange and the first negative cases, which fall in one rate-limit window under the emulator's
 * rateLimitClock (helpers/emulator.ts) however slowly a loaded machine sends them (each 429 then costs a
 * Retry-After of 1 s, so no more requests than that).
 */
export const RATE_LIMITED = {
  perSecond: 2,
  requests: ['Exchange assertion for access token', 'Expired exp (1.2.4)', 'Wrong tenant in iss (1.0.1)', 'Missing scope (1.1.1)', 'Extra claim (1.2.22)', 'sub claim (1.2.19 or 1.2.22)'],
} as const;

/** What a recording server saw of one request. */
export interface SeenRequest {
  method: string;
  path: string;
  authorization?: string;
  apikey?: string;
}

export interface RecordingServer {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1:0 that records the auth headers of every request; with `target` it forwards
 * each request there (a reverse proxy standing in for a product API host), else it answers 200 `{}`.
 */
export async function startRecordingServer(target?: string): Promise<RecordingServer> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, apikey: req.headers.apikey as string | undefined });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (!target) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
        return;
      }
      const to = new URL(target);
      const upstream = http.request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host } }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
