/**
 * An account's webhook (accounts file `webhook`): where the emulator POSTs `{processId, state, flow}` when a
 * process of that account finishes, and how it authenticates there, as Unico registers them (Basic, API
 * key as a header, or none; OAuth2 client credentials is not emulated). Loopback URLs only: the emulator
 * never calls out of the machine.
 */
import { isLoopbackHost } from '../../idcloud/origin';
import { Checked, invalid, isObject } from './checks';

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

/** The checked webhook, or the failing field (its path from `webhook`) and what to give instead. */
export function parseWebhook(value: unknown): Checked<WebhookConfig> {
  if (!isObject(value)) return invalid('webhook', 'must be an object {"url","auth"}');
  const { url, auth } = value;
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return invalid('webhook.url', 'must be an http URL on loopback, e.g. http://127.0.0.1:9000/hook');
  }
  if (typeof url !== 'string' || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.username || parsed.password) {
    return invalid('webhook.url', 'must be an http(s) URL without credentials in it (put them in webhook.auth)');
  }
  if (!isLoopbackHost(parsed.hostname)) return invalid('webhook.url', `${parsed.hostname} is not a loopback host; the emulator only calls 127.0.0.1, localhost or [::1]`);
  if (auth === undefined) return { ok: true, value: { url } };
  const a = isObject(auth) ? auth : {};
  if (a.type === 'none') return { ok: true, value: { url, auth: { type: 'none' } } };
  if (a.type === 'basic') {
    if (!nonEmpty(a.username) || typeof a.password !== 'string' || a.username.includes(':')) {
      return invalid('webhook.auth', 'basic needs "username" (no colon) and "password" strings');
    }
    return { ok: true, value: { url, auth: { type: 'basic', username: a.username, password: a.password } } };
  }
  if (a.type === 'apikey') {
    if (!nonEmpty(a.header) || !HEADER_NAME.test(a.header) || !nonEmpty(a.value) || /[\r\n]/.test(a.value)) {
      return invalid('webhook.auth', 'apikey needs "header" (a header name) and "value" strings');
    }
    return { ok: true, value: { url, auth: { type: 'apikey', header: a.header, value: a.value } } };
  }
  return invalid('webhook.auth.type', 'must be "basic", "apikey" or "none"');
}

/** Any string but '' (credentials are taken as given, spaces included). */
function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** The headers that authenticate a delivery. */
export function webhookAuthHeaders(auth: WebhookAuth | undefined): Record<string, string> {
  if (auth?.type === 'basic') return { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
  if (auth?.type === 'apikey') return { [auth.header]: auth.value };
  return {};
}
