/** The single source of truth for the shape of the content. */
export * from './vocab';
export * from './ids';
export * from './primitives';
export * from './entry';
export * from './body';
export * from './taxonomy';
export * from './neighbourhood';
export * from './site';
export * from './vocabulary';
export * from './messages';
export * from './message-text';
export * from './region';
export * from './shards';
