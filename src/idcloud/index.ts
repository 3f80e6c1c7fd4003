export * from './hosts';
export * from './claims';
export * from './errors';
