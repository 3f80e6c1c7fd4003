export * from './hosts';
export * from './claims';
export * from './errors';
export * from './error-code';
export * from './rate-limit';
export * from './token-response';
export * from './clock';
