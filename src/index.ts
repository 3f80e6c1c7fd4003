/** The public library API; the CLI is a thin layer over it. */
export * from './errors';
export * from './idcloud';
export * from './environments';
export * from './credentials';
export * from './exchange';
export * from './collection';
export * from './emulator';
