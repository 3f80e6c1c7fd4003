/**
 * The local IDCloud emulator (library API): Unico's token endpoint, discovery, JWKS and the protected
 * product APIs on loopback, with Unico's documented errors and flaw switches that break one rule each.
 */
export { startEmulator } from './server';
export { loadAccountsFile } from './accounts';
export { EMULATOR_FLAWS, isEmulatorFlaw } from './flaws';
export type { EmulatorFlaw } from './flaws';
export { ACCOUNT_STATUSES } from './types';
export type { AccountStatus, EmulatorAccount, EmulatorOptions, EmulatorStats, RunningEmulator } from './types';
export { EMULATOR_DEFAULTS } from './options';
export { STATUS_CODES, BAD_SIGNATURE_CODE, UNKNOWN_ACCOUNT_CODE } from './token-exchange';
export { API_ERRORS } from './product/answers';
export type { ApiErrorCode } from './product/answers';
export { CAPABILITIES } from './product/capabilities';
export type { Capability } from './product/capabilities';
export type { WebhookAuth, WebhookConfig } from './product/webhook-config';
export { SCENARIOS } from './product/scenarios';
export type { ScenarioName } from './product/scenarios';
export { DISCOVERY_PATH, JWKS_PATH } from './routes';
export * from './errors';
