/**
 * Credentials: the service account's private key and base payload, loaded and validated into one typed
 * value. Every failure is a CredentialError subclass with a stable `code` (see ./errors).
 */
export { loadCredentials } from './load';
export type { Credentials } from './load';
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
