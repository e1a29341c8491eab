export * from './event-store.port';
export * from './event-store.errors';
export { GENESIS_HASH, computeEventHash, verifyChain } from './hash-chain';
export type { ChainVerification, HashedEventFields } from './hash-chain';
export { SqliteEventStore } from './sqlite/sqlite-event-store.adapter';
export type { SqliteEventStoreOptions } from './sqlite/sqlite-event-store.adapter';
export { EsdbEventStore } from './eventstoredb/esdb-event-store.adapter';
export type { EsdbEventStoreOptions } from './eventstoredb/esdb-event-store.adapter';
export { ForeignEventError } from './eventstoredb/esdb.errors';
