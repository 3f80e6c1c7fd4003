/**
 * Credentials: the service account's private key and base payload, loaded and validated into one typed
 * value. Every failure is a CredentialError subclass with a stable `code` (see ./errors).
 */
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

export * from './errors';
export { normalizePemText, findPemBlocks } from '../sandbox/crypto/pem';
export type { PemBlock } from '../sandbox/crypto/pem';
export { parsePrivateKey, loadPrivateKey, describeKeySource, PRIVATE_KEY_ENV, PRIVATE_KEY_FILE_ENV } from './private-key';
export type { PrivateKeyInfo } from './private-key';
export {
  loadPayload, loadPayloadFile, parsePayload, parsePayloadJson, payloadFromIss, payloadObjectProblems, issProblems,
  extraClaimNames, resolvePayloadInput, readPayloadFile, PAYLOAD_FILE_ENV, ISS_ENV,
} from './payload';
export type { BasePayload, PayloadInput } from './payload';
export { checkPayloadForEnvironment, builtInEnvironmentOf, describePayloadSource } from './audience';
export type { Problem } from './audience';
export { checkKeyMatchesCertificate, loadPublicKeyOrCertificate } from './certificate';
export type { CertificateCheck } from './certificate';
export { generateServiceAccount, writeServiceAccount, serviceAccountFiles, DEFAULT_ACCOUNT } from './generate';
export type { ServiceAccount, ServiceAccountFiles } from './generate';
export { diagnoseCredentials, formatCheckLine } from './diagnose';
export type { CheckLine, CheckStatus, Diagnosis, DiagnoseOptions } from './diagnose';
