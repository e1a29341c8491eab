export * from './event-store.port';
export * from './event-store.errors';
export { GENESIS_HASH, computeEventHash, verifyChain } from './hash-chain';
export type { ChainVerification, HashedEventFields } from './hash-chain';
export { SqliteEventStore } from './sqlite/sqlite-event-store.adapter';
export type { SqliteEventStoreOptions } from './sqlite/sqlite-event-store.adapter';
