/** What a product-API handler is given once routing, authentication and the capability check passed, and its answers. */
import { BodyResult, rawReply, Reply } from '../http';
import type { EmulatorState } from '../state';
import type { ErrorAnswer } from './answers';
import type { Caller } from './auth';
import { Checked, describeFailure } from './checks';
import { readJsonBody } from './json-body';

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
export const rawOk = (contentType: string, bytes: Buffer): Reply => rawReply(200, contentType, bytes);

/** A failed body or query check as this API's invalid_field answer; the field is the log line's reason. */
export function invalidField(call: ProductCall, failure: { field: string; message: string }): Reply {
  return { ...call.fail('invalid_field', describeFailure(failure)), reason: failure.field };
}

/** The JSON body through `check`: its value, or the answer to give (413, invalid_request, or invalid_field). */
export function checkedBody<T>(call: ProductCall, check: (body: unknown) => Checked<T>): { ok: true; value: T } | { ok: false; reply: Reply } {
  const json = readJsonBody(call.body);
  if (!json.ok) return { ok: false, reply: call.fail(json.code) };
  const checked = check(json.value);
  return checked.ok ? checked : { ok: false, reply: invalidField(call, checked) };
}
