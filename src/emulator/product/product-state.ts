/**
 * What the product APIs hold: the processes of each API, the lifecycle settings, the product clock and
 * the webhook sender. The product clock is the emulator's clock plus an offset the control path can
 * advance (`POST /_emulator/clock`), so tests can cross an 8-hour retention in no time while access tokens
 * and assertions keep the real clock.
 */
import { createProcessStore, ProcessStore } from '../processes';
import type { ClientProcess } from './client-process';
import type { UnicoProcess } from './lifecycle';
import type { WebhookSender } from './webhooks';

export interface ProductState {
  unico: ProcessStore<UnicoProcess>;
  client: ProcessStore<ClientProcess>;
  /** 0: processes finish only when told. */
  processSeconds: number;
  clockOffsetMs: number;
  webhooks: WebhookSender;
}

export function createProductState(processSeconds: number, webhooks: WebhookSender): ProductState {
  return { unico: createProcessStore(), client: createProcessStore(), processSeconds, clockOffsetMs: 0, webhooks };
}
