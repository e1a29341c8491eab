export { describeEventStoreContract } from './event-store.contract';
export type { EventStoreFactory } from './event-store.contract';
