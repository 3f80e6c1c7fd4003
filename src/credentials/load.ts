/** The service account's private key and base payload, loaded and validated into one typed value. */
import { readAll } from '../errors';
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
 * Flags first, then IDCLOUD_* environment variables. When both the payload and the key are wrong, one error
 * names both (payload first: the cheaper fix), so the user does not find them one try at a time.
 */
export function loadCredentials(opts: { payload?: string; iss?: string; key?: string; env?: NodeJS.ProcessEnv }): Credentials {
  const [payload, key] = readAll<[BasePayload, PrivateKeyInfo]>(
    () => loadPayload({ file: opts.payload, iss: opts.iss, env: opts.env }),
    () => loadPrivateKey({ file: opts.key, env: opts.env }),
  );
  return { iss: payload.iss, account: payload.account, tenant: payload.tenant, key, payload };
}
