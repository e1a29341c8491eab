import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { onePerScrape, registerRelayGauges, RelayStatus } from '@deals/kafka-relay';

/**
 * The standalone relay's Prometheus metrics: the relay gauges the API registers when it embeds
 * the relay (docs/operations.md#metrics), the head of the store, and the process's.
 */
export class RelayMetrics {
  readonly registry = new Registry();

  constructor(status: () => RelayStatus, headPosition: () => Promise<number>) {
    collectDefaultMetrics({ register: this.registry });
    const head = onePerScrape(headPosition);
    new Gauge({
      name: 'deals_event_store_head_position', help: 'Position of the last event in $all', registers: [this.registry],
      async collect() { this.set(await head()); },
    });
    registerRelayGauges(this.registry, async () => {
      const { checkpointPosition, state } = status();
      return { position: checkpointPosition, headPosition: await head(), stalled: state === 'stalled' };
    });
  }
}
