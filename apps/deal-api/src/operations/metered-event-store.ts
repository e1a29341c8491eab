import { EventStore } from '@deals/event-store';
import { ApiMetrics } from './api-metrics';

/**
 * The store with its appends timed and counted. A Proxy, so everything else (including
 * `instanceof SqliteEventStore`) is the store's own.
 */
export function meteredEventStore(store: EventStore, metrics: ApiMetrics): EventStore {
  const append: EventStore['append'] = async (streamId, events, options) => {
    const end = metrics.appendDuration.startTimer();
    try {
      const result = await store.append(streamId, events, options);
      end({ outcome: 'ok' });
      metrics.appendEvents.observe(events.length);
      return result;
    } catch (error) {
      end({ outcome: 'failed' });
      throw error;
    }
  };
  return new Proxy(store, {
    get: (target, property, receiver) => (property === 'append' ? append : Reflect.get(target, property, receiver)),
  });
}
