import { EventStore } from '@deals/event-store';
import { ApiMetrics } from './api-metrics';

/**
 * The store with its appends timed and counted. A Proxy, so everything else (including
 * `instanceof SqliteEventStore`) is the store's own; an `append` put in place later (a test's
 * spy) is served as it is.
 */
export function meteredEventStore(store: EventStore, metrics: ApiMetrics): EventStore {
  const original = store.append;
  const append: EventStore['append'] = async (streamId, events, options) => {
    const end = metrics.appendDuration.startTimer();
    try {
      const result = await original.call(store, streamId, events, options);
      end({ outcome: 'ok' });
      metrics.appendEvents.observe(events.length);
      return result;
    } catch (error) {
      end({ outcome: 'failed' });
      throw error;
    }
  };
  return new Proxy(store, {
    get: (target, property, receiver) => {
      const value: unknown = Reflect.get(target, property, receiver);
      return property === 'append' && value === original ? append : value;
    },
  });
}
