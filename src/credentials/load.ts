/** The service account's private key and base payload, loaded and validated into one typed value. */
import type { BasePayload } from './payload';
import { loadPayload } from './payload';
import type { PrivateKeyInfo } from './private-key';
import { loadPrivateKey } from './private-key';

export interface Credentials {
  iss: string;
  account: string;
  tenant: string;
  /** Holds the private key: never log, serialise or write this object. */
  key: PrivateKeyInfo;
  payload: BasePayload;
}

/**
 * Flags first, then IDCLOUD_* environment variables. The payload is loaded before the key so that a
 * missing payload is reported even when the key is also wrong (the cheaper fix first).
 */
export function loadCredentials(opts: { payload?: string; iss?: string; key?: string; env?: NodeJS.ProcessEnv }): Credentials {
  const payload = loadPayload({ file: opts.payload, iss: opts.iss, env: opts.env });
  const key = loadPrivateKey({ file: opts.key, env: opts.env });
  return { iss: payload.iss, account: payload.account, tenant: payload.tenant, key, payload };
}
