import { DealLifecycleEventV1 } from '@deals/contracts';

/** Where the relay sends integration events. Resolves only once the broker has acknowledged all of them. */
export interface IntegrationEventPublisher {
  publish(events: readonly DealLifecycleEventV1[]): Promise<void>;
}
