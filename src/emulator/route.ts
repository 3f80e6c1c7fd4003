/** What a route is: the request as the server read it, and the handler that answers it (routes.ts, product/routes.ts). */
import type { BodyResult, Reply } from './http';
import type { EmulatorState } from './state';

export interface IncomingRequest {
  method: string;
  pathname: string;
  headers: Record<string, string | string[] | undefined>;
  body: BodyResult;
  /** The request target's query. */
  query: URLSearchParams;
  /** The peer's IP address (the control path answers loopback peers only). */
  remoteAddress?: string;
}

type Handler = (request: IncomingRequest, state: EmulatorState) => Promise<Reply> | Reply;
export interface Route {
  method: 'GET' | 'POST';
  handle: Handler;
}
