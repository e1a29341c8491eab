import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { RelayStatus } from '@deals/kafka-relay';

/**
 * The standalone relay's Prometheus metrics: the same relay gauges as an API that embeds the relay
 * (docs/operations.md#metrics), so one dashboard and one alert serve either, plus the process's.
 */
export class RelayMetrics {
  readonly registry = new Registry();

  constructor(status: () => RelayStatus, headPosition: () => Promise<number>) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    // One read of the head per scrape, shared by the gauges that show it.
    let head: Promise<number> | undefined;
    const headOnce = () => {
      if (!head) {
        head = headPosition();
        setImmediate(() => (head = undefined));
      }
      return head;
    };
    new Gauge({
      name: 'deals_event_store_head_position', help: 'Position of the last event in $all', registers,
      async collect() { this.set(await headOnce()); },
    });
    new Gauge({
      name: 'deals_relay_position', help: 'Position in $all the Kafka relay has published through', registers,
      collect() { this.set(status().checkpointPosition); },
    });
    new Gauge({
      name: 'deals_relay_lag', help: 'Positions in $all the Kafka relay has not published yet', registers,
      async collect() { this.set(Math.max(0, (await headOnce()) - status().checkpointPosition)); },
    });
    new Gauge({
      name: 'deals_relay_stalled', help: '1 while the Kafka relay is stopped at an event it cannot publish (GET /health names it)', registers,
      collect() { this.set(status().state === 'stalled' ? 1 : 0); },
    });
  }
}
