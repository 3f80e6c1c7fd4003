/**
 * startEmulator: checks the options, registers the accounts, listens, and serves each request through
 * dispatch(). Knows nothing about Newman or Postman.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { isLoopbackHost } from '../idcloud/origin';
import { createTokenIssuer, generateSigningKey } from './access-tokens';
import { registerAccounts } from './accounts';
import { EmulatorListenError } from './errors';
import { EMULATOR_HEADER, EMULATOR_HEADER_VALUE } from '../idcloud/emulator-signal';
import { rawReply, readBody, Reply, writeReply } from './http';
import { createLockout } from './lockout';
import { formatLogLine } from './log-line';
import { resolveSettings } from './options';
import { sweep } from './product/announce';
import { createProductState } from './product/product-state';
import { createWebhookSender } from './product/webhooks';
import { createRateLimiter } from './rate-limit';
import { createReplayGuard } from './replay';
import { bodyLimitFor, dispatch } from './routes';
import type { EmulatorState } from './state';
import type { EmulatorOptions, RunningEmulator } from './types';

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const settings = resolveSettings(options);
  const realNow = options.now ?? Date.now;
  const registry = registerAccounts(options.accounts);
  const signingKey = await generateSigningKey(options.signingKey);
  const server = http.createServer();
  const port = await listen(server, settings.host, settings.port);
  const { url, audiences } = baseUrls(settings.host, port);
  const stats = { tokenExchanges: 0, tokenErrors: 0, invalidAttempts: {}, requests: 0, processesCreated: 0, webhooksDelivered: 0, webhooksFailed: 0 };
  const webhooks = createWebhookSender({
    delivered: () => void (stats.webhooksDelivered += 1),
    failed: () => void (stats.webhooksFailed += 1),
    log: (line) => writeLog(settings.log, line),
  });
  const state: EmulatorState = {
    url,
    audiences,
    registry,
    flaws: settings.flaws,
    lang: settings.lang,
    skewSeconds: settings.clockSkewSeconds,
    lifetimeSeconds: settings.tokenLifetimeSeconds,
    replay: createReplayGuard(),
    lockout: createLockout(settings.lockoutAfter, settings.lockoutSeconds),
    rateLimiter: createRateLimiter(settings.rateLimit),
    tokens: createTokenIssuer(signingKey, url, settings.tokenLifetimeSeconds),
    product: createProductState(settings.processSeconds, webhooks),
    stats,
    now: () => realNow() + settings.clockOffsetSeconds * 1000,
    outage: settings.outage && rawReply(settings.outage.status, settings.outage.contentType, Buffer.from(settings.outage.body, 'utf8'), 'outage'),
  };
  // Processes that finish by themselves (--process-seconds, expiry) are announced within this delay.
  const sweeper = setInterval(() => sweep(state), SWEEP_MS);
  sweeper.unref();
  server.on('request', (req, res) => void serve(req, res, state, settings.log));
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => answerUnparsable(error, socket, state, settings.log));
  return {
    url,
    port,
    stats: () => ({ ...state.stats, invalidAttempts: { ...state.stats.invalidAttempts } }),
    close: () => {
      clearInterval(sweeper);
      webhooks.close();
      return close(server);
    },
  };
}

const SWEEP_MS = 200;

function listen(server: http.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const what = error.code === 'EADDRINUSE' ? `port ${port} is already in use; pick another --port (0 = any free port)` : `cannot listen on ${host}:${port} (${error.code ?? error.message}); check --host and --port`;
      reject(new EmulatorListenError(`emulator: ${what}`));
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * The url (issuer, discovery) and every base URL an assertion's aud may name. On a loopback or wildcard
 * host both http://127.0.0.1:PORT and http://localhost:PORT count, exactly: no trailing slash, not https.
 */
export function baseUrls(host: string, port: number): { url: string; audiences: ReadonlySet<string> } {
  const wildcard = host === '0.0.0.0' || host === '::';
  const shownHost = wildcard ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}`;
  const loopback = wildcard || isLoopbackHost(host);
  const audiences = new Set([url]);
  if (loopback) for (const twin of ['127.0.0.1', 'localhost']) audiences.add(`http://${twin}:${port}`);
  return { url, audiences };
}

async function serve(req: http.IncomingMessage, res: http.ServerResponse, state: EmulatorState, log?: (line: string) => void): Promise<void> {
  state.stats.requests += 1;
  const method = req.method ?? 'GET';
  const target = req.url ?? '/';
  const pathname = pathOf(target);
  let reply: Reply;
  try {
    const body = await readBody(req, bodyLimitFor(pathname));
    reply = await dispatch({ method, pathname, headers: req.headers, body, query: queryOf(target), remoteAddress: req.socket.remoteAddress }, state);
  } catch {
    if (req.destroyed || res.destroyed) {
      writeLog(log, `${formatLogLine(method, pathname, { status: 0 })} (client went away)`);
      return;
    }
    // A bug of ours, never the client's input: answer without detail rather than crash.
    reply = { status: 500, body: { error: 'server_error', error_description: 'internal emulator error' }, reason: 'internal' };
  }
  // The Date header follows the emulator's clock, as a server's does (clients learn its time from it).
  // X-IdCloud-Emulator on every answer: how clients tell the emulator from Unico (idcloud/emulator-signal.ts).
  const headers = { Date: new Date(state.now()).toUTCString(), [EMULATOR_HEADER]: EMULATOR_HEADER_VALUE, ...reply.headers };
  if (!res.headersSent && !res.destroyed) writeReply(res, { ...reply, headers });
  writeLog(log, formatLogLine(method, pathname, reply));
}

/** A throwing log callback must not become an unhandled rejection that stops the server. */
function writeLog(log: ((line: string) => void) | undefined, line: string): void {
  try {
    log?.(line);
  } catch {
    // the request was answered; losing its log line is the lesser harm
  }
}

/**
 * Bytes that are not HTTP (Node's parser gave up): still a JSON 4xx, as every other answer, then close.
 */
function answerUnparsable(error: NodeJS.ErrnoException, socket: Duplex, state: EmulatorState, log?: (line: string) => void): void {
  state.stats.requests += 1;
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const text = JSON.stringify({ error: 'invalid_request', error_description: tooLarge ? 'request headers are too large' : 'the request is not valid HTTP/1.1' });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `${EMULATOR_HEADER}: ${EMULATOR_HEADER_VALUE}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
  writeLog(log, `- - ${status} (unparsable-http)`);
}

/** The path of a request target, without its query (absolute-form targets included). */
function pathOf(target: string): string {
  if (!target.startsWith('/')) {
    try {
      return new URL(target).pathname;
    } catch {
      return target.split('?')[0];
    }
  }
  const query = target.indexOf('?');
  return query === -1 ? target : target.slice(0, query);
}

function queryOf(target: string): URLSearchParams {
  const query = target.indexOf('?');
  return new URLSearchParams(query === -1 ? '' : target.slice(query + 1));
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets (Newman, load clients) would otherwise hold close() open.
    server.closeAllConnections();
  });
}
