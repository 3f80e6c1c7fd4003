/**
 * An account's webhook (accounts file `webhook`): where the emulator POSTs `{processId, state, flow}` when a
 * process of that account finishes, and how it authenticates there, as Unico registers them (Basic, API
 * key as a header, or none; OAuth2 client credentials is not emulated). Loopback URLs only: the emulator
 * never calls out of the machine.
 */
import { isLoopbackHost } from '../../idcloud/origin';

export type WebhookAuth =
  | { type: 'none' }
  | { type: 'basic'; username: string; password: string }
  /** Unico's `header:value` pair, given as its two halves. */
  | { type: 'apikey'; header: string; value: string };

export interface WebhookConfig {
  url: string;
  auth?: WebhookAuth;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The checked webhook, or a message naming the field (relative to `webhook`) and what to give instead. */
export function parseWebhook(value: unknown): { ok: true; webhook: WebhookConfig } | { ok: false; field: string; message: string } {
  const fail = (field: string, message: string) => ({ ok: false as const, field, message });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('webhook', 'must be an object {"url","auth"}');
  const { url, auth } = value as Record<string, unknown>;
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return fail('webhook.url', 'must be an http URL on loopback, e.g. http://127.0.0.1:9000/hook');
  }
  if (typeof url !== 'string' || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.username || parsed.password) {
    return fail('webhook.url', 'must be an http(s) URL without credentials in it (put them in webhook.auth)');
  }
  if (!isLoopbackHost(parsed.hostname)) return fail('webhook.url', `${parsed.hostname} is not a loopback host; the emulator only calls 127.0.0.1, localhost or [::1]`);
  if (auth === undefined) return { ok: true, webhook: { url } };
  const a = (typeof auth === 'object' && auth !== null ? auth : {}) as Record<string, unknown>;
  const text = (v: unknown) => typeof v === 'string' && v !== '';
  if (a.type === 'none') return { ok: true, webhook: { url, auth: { type: 'none' } } };
  if (a.type === 'basic') {
    if (!text(a.username) || typeof a.password !== 'string' || String(a.username).includes(':')) {
      return fail('webhook.auth', 'basic needs "username" (no colon) and "password" strings');
    }
    return { ok: true, webhook: { url, auth: { type: 'basic', username: String(a.username), password: String(a.password) } } };
  }
  if (a.type === 'apikey') {
    if (!text(a.header) || !HEADER_NAME.test(String(a.header)) || !text(a.value) || /[\r\n]/.test(String(a.value))) {
      return fail('webhook.auth', 'apikey needs "header" (a header name) and "value" strings');
    }
    return { ok: true, webhook: { url, auth: { type: 'apikey', header: String(a.header), value: String(a.value) } } };
  }
  return fail('webhook.auth.type', 'must be "basic", "apikey" or "none"');
}

/** The headers that authenticate a delivery. */
export function webhookAuthHeaders(auth: WebhookAuth | undefined): Record<string, string> {
  if (auth?.type === 'basic') return { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
  if (auth?.type === 'apikey') return { [auth.header]: auth.value };
  return {};
}
