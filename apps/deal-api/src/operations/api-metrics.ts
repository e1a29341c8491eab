import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { onePerScrape, RelayFigures, registerRelayGauges } from '@deals/kafka-relay';

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What the gauges read when scraped; each part is absent when the process does not run it. */
export interface MetricSources {
  projections?(): Promise<readonly { name: string; position: number; lag: number; deadLetters: number; headPosition: number }[]>;
  liveFeeds?(): { subscribers: number; cutOffs: ReadonlyMap<string, number> };
  relay?(): Promise<RelayFigures | undefined>;
}

/**
 * The API's Prometheus metrics, in a registry of its own (several apps in one test process do
 * not share one). Names: docs/operations.md#metrics.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  readonly commandDuration: Histogram<'command' | 'outcome'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly appendDuration: Histogram<'outcome'>;
  readonly appendEvents: Histogram;
  /** Messages of an inbound topic not yet read by the API's consumer, per partition, as of its last batch. */
  readonly inboundLag: Gauge<'topic' | 'partition'>;
  /** Inbound buyer signals by outcome: recorded (or already recorded), dead-lettered. */
  readonly buyerSignals: Counter<'outcome'>;
  private readonly commitDuration: Histogram;
  private readonly commitAppends: Histogram;

  /** A group commit of the embedded store. */
  committed(batch: { appends: number; durationMs: number }): void {
    this.commitDuration.observe(batch.durationMs / 1000);
    this.commitAppends.observe(batch.appends);
  }

  /** Filled in once the application's parts exist (the event store is metered before the runner is made). */
  sources: MetricSources = {};

  constructor() {
    const src = () => this.sources;
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.commandDuration = new Histogram({
      name: 'deals_command_duration_seconds', help: 'Commands from request to response, by command type and outcome (ok, rejected, conflict, error)',
      labelNames: ['command', 'outcome'], buckets: SECONDS, registers,
    });
    this.httpDuration = new Histogram({
      name: 'deals_http_request_duration_seconds', help: 'HTTP requests by method, route pattern and status',
      labelNames: ['method', 'route', 'status'], buckets: SECONDS, registers,
    });
    this.appendDuration = new Histogram({
      name: 'deals_event_store_append_duration_seconds', help: 'Appends to the event store until committed (on the embedded store: durable on disk), by outcome',
      labelNames: ['outcome'], buckets: SECONDS, registers,
    });
    this.appendEvents = new Histogram({
      name: 'deals_event_store_append_events', help: 'Events per append (one command\'s batch)', buckets: [1, 2, 3, 5, 10, 20, 50, 100, 500], registers,
    });
    this.commitDuration = new Histogram({
      name: 'deals_event_store_commit_duration_seconds', help: 'Group commits of the embedded store, BEGIN to COMMIT (the fsync included)', buckets: SECONDS, registers,
    });
    this.commitAppends = new Histogram({
      name: 'deals_event_store_commit_appends', help: 'Appends committed together in one transaction of the embedded store (the group commit\'s batch)',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256], registers,
    });
    this.inboundLag = new Gauge({
      name: 'deals_inbound_consumer_lag', help: 'Messages of an inbound Kafka topic (buyer signals) the API has not read yet, per partition, as of its last fetched batch',
      labelNames: ['topic', 'partition'], registers,
    });
    this.buyerSignals = new Counter({
      name: 'deals_buyer_signals_total', help: 'Buyer signals read from Kafka, by outcome (recorded: recorded or already recorded; dead-lettered: sent to the dead-letter topic)',
      labelNames: ['outcome'], registers,
    });
    // One read of the runner's status per scrape, shared by the gauges that show it.
    const statuses = onePerScrape(async () => (await src().projections?.()) ?? []);
    new Gauge({
      name: 'deals_event_store_head_position', help: 'Position of the last event in $all', registers,
      async collect() {
        const [first] = await statuses();
        if (first) this.set(first.headPosition);
      },
    });
    const perProjection = (name: string, help: string, value: (s: Awaited<ReturnType<typeof statuses>>[number]) => number) =>
      new Gauge({
        name, help, labelNames: ['projection'], registers,
        async collect() {
          for (const s of await statuses()) this.set({ projection: s.name }, value(s));
        },
      });
    perProjection('deals_projection_position', 'Position in $all each projection has applied', (s) => s.position);
    perProjection('deals_projection_lag', 'Positions in $all a projection has not read yet (head - position)', (s) => s.lag);
    perProjection('deals_projection_dead_letters', 'Events a projection could not apply', (s) => s.deadLetters);
    new Gauge({
      name: 'deals_live_feed_subscribers', help: 'Open live feeds (SSE)', registers,
      collect() { this.set(src().liveFeeds?.().subscribers ?? 0); },
    });
    new Counter({
      name: 'deals_live_feed_cutoffs_total', help: 'Live feeds cut off by the server (overflow: too far behind; stalled: took nothing)', labelNames: ['reason'], registers,
      collect() {
        this.reset();
        for (const [reason, n] of src().liveFeeds?.().cutOffs ?? []) this.inc({ reason }, n);
      },
    });
    registerRelayGauges(this.registry, async () => src().relay?.());
  }
}
