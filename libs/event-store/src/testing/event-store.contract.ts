import { EventStore } from '../event-store.port';
import { ContractCapabilities } from './contract/capabilities';
import { concurrencyContract } from './contract/concurrency.contract';
import { expectedRevisionContract } from './contract/expected-revision.contract';
import { idempotencyContract } from './contract/idempotency.contract';
import { integrityContract } from './contract/integrity.contract';
import { readContract } from './contract/read.contract';
import { subscriptionContract } from './contract/subscription.contract';

export type { ContractCapabilities } from './contract/capabilities';

export type EventStoreFactory = () => Promise<{ store: EventStore; cleanup: () => Promise<void> }>;

/**
 * The behaviour every EventStore adapter must share, written once. Each test uses its own
 * streams and event types and asserts only relative positions, so it also runs against a
 * shared server that holds other data.
 */
export function describeEventStoreContract(
  name: string,
  factory: EventStoreFactory,
  capabilities: ContractCapabilities = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore | undefined;
    let cleanup: (() => Promise<void>) | undefined;
    const current = (): EventStore => {
      if (!store) throw new Error('The store factory has not run');
      return store;
    };

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
    });
    afterEach(async () => {
      await cleanup?.();
      store = cleanup = undefined;
    });

    expectedRevisionContract(current);
    idempotencyContract(current, capabilities);
    concurrencyContract(current);
    readContract(current);
    subscriptionContract(current);
    integrityContract(current);
  });
}
