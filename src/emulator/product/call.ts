/** What a product-API handler is given once routing, authentication and the capability check passed. */
import type { BodyResult, Reply } from '../http';
import type { EmulatorState } from '../state';
import type { ErrorAnswer } from './answers';
import type { Caller } from './auth';

export interface ProductCall {
  /** The path's `{id}`, when it has one. */
  id: string;
  query: URLSearchParams;
  body: BodyResult;
  caller: Caller;
  state: EmulatorState;
  /** The error body of this API. */
  fail: ErrorAnswer;
}

export type ProductHandler = (call: ProductCall) => Reply;

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const rawOk = (contentType: string, bytes: Buffer): Reply => ({ status: 200, body: undefined, raw: { contentType, bytes } });
