import { Gauge, Registry } from 'prom-client';

/** What the relay gauges show; undefined while there is nothing to show yet. */
export interface RelayFigures {
  readonly position: number;
  readonly headPosition: number;
  readonly stalled: boolean;
}

/** The same promise for every caller within one turn of the event loop (one scrape), a new one after. */
export function onePerScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | undefined;
  return () => {
    if (!current) {
      current = read();
      setImmediate(() => (current = undefined));
    }
    return current;
  };
}

/**
 * The relay's gauges — position, lag, stalled — registered alike by the API that embeds the relay
 * and by the relay process, so one dashboard and one alert serve either. `read` runs once per scrape.
 */
export function registerRelayGauges(registry: Registry, read: () => Promise<RelayFigures | undefined>): void {
  const registers = [registry];
  const relay = onePerScrape(read);
  new Gauge({
    name: 'deals_relay_position', help: 'Position in $all the Kafka relay has published through', registers,
    async collect() {
      const r = await relay();
      if (r) this.set(r.position);
    },
  });
  new Gauge({
    name: 'deals_relay_lag', help: 'Positions in $all the Kafka relay has not published yet', registers,
    async collect() {
      const r = await relay();
      if (r) this.set(Math.max(0, r.headPosition - r.position));
    },
  });
  new Gauge({
    name: 'deals_relay_stalled', help: '1 while the Kafka relay is stopped at an event it cannot publish (GET /health names it)', registers,
    async collect() {
      const r = await relay();
      if (r) this.set(r.stalled ? 1 : 0);
    },
  });
}
