/**
 * Webhook deliveries: POST `{processId, state, flow}` as JSON to the account's loopback URL with its auth,
 * retried after a non-2xx answer or a connection failure, with doubling delays, a bounded number of times.
 * Each attempt logs one line — `WEBHOOK <url path> <status> (attempt i/N …)` — with no header, body or
 * credential in it. close() cancels the retries still pending.
 */
import http from 'node:http';
import https from 'node:https';
import { safePath } from '../log-line';
import { WebhookConfig, webhookAuthHeaders } from './webhook-config';

export interface WebhookPayload {
  processId: string;
  state: string;
  flow: string;
}

export interface WebhookSender {
  send(webhook: WebhookConfig, payload: WebhookPayload): void;
  close(): void;
}

export const WEBHOOK_ATTEMPTS = 4;
/** Delays before the 2nd, 3rd, 4th attempt: 100, 200, 400 ms. */
export const WEBHOOK_FIRST_RETRY_MS = 100;
const ATTEMPT_TIMEOUT_MS = 5000;

export interface WebhookOutcome {
  delivered(): void;
  failed(): void;
  log(line: string): void;
}

export function createWebhookSender(outcome: WebhookOutcome): WebhookSender {
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<http.ClientRequest>();
  let closed = false;

  const attempt = (webhook: WebhookConfig, body: string, n: number): void => {
    if (closed) return;
    const target = new URL(webhook.url);
    const where = safePath(`${target.host}${target.pathname}`);
    const client = target.protocol === 'https:' ? https : http;
    const req = client.request(target, {
      method: 'POST',
      agent: false,
      timeout: ATTEMPT_TIMEOUT_MS,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...webhookAuthHeaders(webhook.auth) },
    });
    inFlight.add(req);
    const settle = (status: number | string) => {
      if (!inFlight.delete(req)) return; // answered already, or cancelled by close()
      const ok = typeof status === 'number' && status >= 200 && status < 300;
      const last = n >= WEBHOOK_ATTEMPTS;
      const next = ok ? 'delivered' : last ? 'giving up' : 'retrying';
      outcome.log(`WEBHOOK ${where} ${status} (attempt ${n}/${WEBHOOK_ATTEMPTS}, ${next})`);
      if (ok) return outcome.delivered();
      if (last || closed) return outcome.failed();
      const timer = setTimeout(() => {
        timers.delete(timer);
        attempt(webhook, body, n + 1);
      }, WEBHOOK_FIRST_RETRY_MS * 2 ** (n - 1));
      timer.unref();
      timers.add(timer);
    };
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => settle(res.statusCode ?? 0));
      res.on('error', () => settle('error'));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error: NodeJS.ErrnoException) => {
      settle(error.message === 'timeout' ? 'timeout' : error.code ?? 'error');
    });
    req.end(body);
  };

  return {
    send: (webhook, payload) => attempt(webhook, JSON.stringify(payload), 1),
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const req of inFlight) req.destroy();
      inFlight.clear();
    },
  };
}
