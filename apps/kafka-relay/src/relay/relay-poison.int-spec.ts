import { randomUUID } from 'node:crypto';
import { DealLifecycleEventV1 } from '@deals/contracts';
import { SqliteEventStore } from '@deals/event-store';
import { RelayService, relayConfigFromEnv } from '@deals/kafka-relay';
import { BROKER_START_TIMEOUT_MS, testKafkaBrokers } from '../../../../deploy/kafka/testing/test-broker';
import { readTopic, readTopicToEnd } from '../../../../deploy/kafka/testing/topic-reader';
import { RelayHealthServer } from '../health/relay-health.server';
import { RelayMetrics } from '../health/relay-metrics';
import { CapturedLogger } from '../testing/captured-logger';
import { appendPoisonEvent, recordDealHistories } from '../testing/deal-histories';

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Kafka relay meeting a poison event, against a real broker', () => {
  const topic = `deal-lifecycle.poison-${randomUUID().slice(0, 8)}`;
  let brokers: string[];
  let store: SqliteEventStore;
  let relay: RelayService;
  let health: RelayHealthServer | undefined;
  const logger = new CapturedLogger();

  beforeAll(() => {
    brokers = testKafkaBrokers();
    store = new SqliteEventStore({ path: ':memory:' });
  }, BROKER_START_TIMEOUT_MS);
  afterAll(async () => {
    await health?.close();
    await relay?.stop();
    await store.close();
  });

  it('publishes every event before it in the same batch, stops at it and reports the stall', async () => {
    const { dealIds } = await recordDealHistories(store, 20);
    const poison = await appendPoisonEvent(store, dealIds[7]);
    await recordDealHistories(store, 40);
    const deals = (await store.readAll()).events.filter((e) => e.streamId.startsWith('deal-'));
    const before = deals.filter((e) => e.position < poison.position);
    // One batch of 500 holds the valid events, the poison one in the middle, and more after it.
    expect(before.length).toBeGreaterThan(100);
    expect(deals.length).toBeLessThanOrEqual(500);
    expect(deals.length - before.length).toBeGreaterThan(100);

    const config = relayConfigFromEnv({ KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_DEAL_EVENTS: topic, KAFKA_TOPIC_PARTITIONS: '3', DATA_DIR: ':memory:', RELAY_BATCH_SIZE: '500' });
    relay = new RelayService(config, store, logger);
    await relay.start();
    await until(() => relay.status().state === 'stalled');

    const read = await readTopic(brokers, topic, { until: (m) => m.length >= before.length, timeoutMs: 60_000 });
    expect(read.map((m) => (JSON.parse(m.value ?? '') as DealLifecycleEventV1).eventId).sort()).toEqual(before.map((e) => e.eventId).sort());
    const status = relay.status();
    expect(status).toMatchObject({
      state: 'stalled',
      topic,
      checkpointPosition: before.at(-1)!.position,
      stall: {
        eventId: poison.eventId,
        streamId: `deal-${dealIds[7]}`,
        streamRevision: poison.revision,
        position: poison.position,
        code: 'CONTRACT.UNMAPPABLE_EVENT',
        reason: expect.stringContaining('schema version 2'),
      },
    });
    expect(Date.now() - Date.parse(status.stall!.since)).toBeLessThan(60_000);
    // What an alert on the relay process's metrics sees.
    health = new RelayHealthServer({ port: 0, host: '127.0.0.1' }, () => relay.status(), new RelayMetrics(() => relay.status(), () => store.headPosition()));
    const scraped = await (await fetch(`http://127.0.0.1:${await health.listen()}/metrics`)).text();
    expect(scraped).toContain('deals_relay_stalled 1');
    expect(scraped).toContain(`deals_relay_position ${before.at(-1)!.position}`);
    expect(scraped).toContain(`deals_relay_lag ${(await store.headPosition()) - before.at(-1)!.position}`);

    // Retried, not re-published: the topic still holds exactly the events before it.
    await until(() => (relay.status().stall?.attempts ?? 0) >= 2);
    expect(await readTopicToEnd(brokers, topic, 30_000)).toHaveLength(before.length);
    // The stall is one error line naming the event, not one per retry.
    const errors = logger.at('error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(poison.eventId);
  }, 120_000);
});
