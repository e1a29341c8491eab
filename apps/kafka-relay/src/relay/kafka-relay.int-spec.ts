import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { DealLifecycleEventV1 } from '@deals/contracts';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { findOrInstallKcat } from '../../../../deploy/kafka/testing/kcat';
import { BROKER_START_TIMEOUT_MS, testKafkaBrokers } from '../../../../deploy/kafka/testing/test-broker';
import { createTopic, readTopic, ReadMessage, withAdmin } from '../../../../deploy/kafka/testing/topic-reader';
import { relayConfigFromEnv } from '@deals/kafka-relay';
import { RelayHealthServer } from '../health/relay-health.server';
import { RelayAppModule } from '../relay-app.module';
import { recordDealHistories, RecordedHistories } from '../testing/deal-histories';

const kcat = findOrInstallKcat();
if ('reason' in kcat) console.warn(`The kcat check is skipped: ${kcat.reason}`);

/** Per deal, the stream revisions in the order they are on the topic. */
function revisionsPerDeal(events: readonly DealLifecycleEventV1[]): Map<string, number[]> {
  const perDeal = new Map<string, number[]>();
  for (const e of events) perDeal.set(e.dealId, [...(perDeal.get(e.dealId) ?? []), e.streamRevision]);
  return perDeal;
}

const inOrder = (revisions: readonly number[]) => revisions.every((r, i) => r === i);

describe('Kafka relay against a real broker', () => {
  const topic = `deal-lifecycle.test-${randomUUID().slice(0, 8)}`;
  let brokers: string[];
  let app: INestApplicationContext;
  let store: EventStore;
  let recorded: RecordedHistories;
  let messages: ReadMessage[];

  beforeAll(async () => {
    brokers = testKafkaBrokers();
    const config = relayConfigFromEnv({
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_DEAL_EVENTS: topic,
      KAFKA_TOPIC_PARTITIONS: '3',
      DATA_DIR: ':memory:',
      RELAY_BATCH_SIZE: '25',
    });
    app = await NestFactory.createApplicationContext(RelayAppModule.forRoot(config, { port: 0, host: '127.0.0.1' }), { logger: ['error', 'warn'] });
    store = app.get(EVENT_STORE);
    recorded = await recordDealHistories(store, 12);
    messages = await readTopic(brokers, topic, { until: (m) => m.length >= recorded.events, timeoutMs: 60_000 });
  }, BROKER_START_TIMEOUT_MS);

  afterAll(async () => {
    await app?.close();
  });

  it('creates the topic with the configured partitions', async () => {
    const metadata = await withAdmin(brokers, (admin) => admin.fetchTopicMetadata({ topics: [topic] }));
    expect(metadata.topics[0].partitions).toHaveLength(3);
  });

  it('N commands → N deal-lifecycle.v1 events on the topic, in order per deal, keyed and partitioned by deal', async () => {
    const stored = (await store.readAll()).events.filter((e) => e.streamId.startsWith('deal-'));
    expect(stored).toHaveLength(recorded.events);
    expect(messages).toHaveLength(recorded.events);

    const events = messages.map((m) => JSON.parse(m.value ?? '') as DealLifecycleEventV1);
    expect(new Set(events.map((e) => e.eventId))).toEqual(new Set(stored.map((e) => e.eventId)));
    expect(events.every((e) => e.schema === 'deal-lifecycle.v1' && e.schemaVersion === 1)).toBe(true);
    messages.forEach((m, i) => {
      expect(m.key).toBe(events[i].dealId);
      expect(m.headers).toEqual({ 'content-type': 'application/json', schema: 'deal-lifecycle.v1', 'event-type': events[i].eventType, 'event-id': events[i].eventId });
    });
    for (const dealId of recorded.dealIds) {
      expect(new Set(messages.filter((m) => m.key === dealId).map((m) => m.partition)).size).toBe(1);
    }
    const perDeal = revisionsPerDeal(events);
    expect([...perDeal.keys()].sort()).toEqual([...recorded.dealIds].sort());
    for (const revisions of perDeal.values()) expect(inOrder(revisions)).toBe(true);

    const first = stored[0];
    expect(events.find((e) => e.eventId === first.eventId)).toEqual({
      schema: 'deal-lifecycle.v1',
      schemaVersion: 1,
      eventId: first.eventId,
      eventType: 'DealOpened',
      dealId: first.streamId.slice('deal-'.length),
      streamRevision: 0,
      globalPosition: first.position,
      occurredAt: first.metadata.occurredAt,
      recordedAt: first.metadata.recordedAt,
      actorId: 'ana.ae',
      data: first.data,
    });
  });

  ('path' in kcat ? it : it.skip)('an outside client (kcat) reads the same events, in the same order per partition', () => {
    const output = execFileSync(
      (kcat as { path: string }).path,
      ['-C', '-b', brokers.join(','), '-t', topic, '-o', 'beginning', '-e', '-q', '-J'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    const read = output.trim().split('\n').map((line) => JSON.parse(line) as { partition: number; offset: number; key: string; payload: string });
    expect(read).toHaveLength(recorded.events);
    const byPartition = (list: { partition: number; offset: number; payload: string | null }[]) =>
      [0, 1, 2].map((p) => list.filter((m) => m.partition === p).sort((a, b) => a.offset - b.offset).map((m) => m.payload));
    expect(byPartition(read)).toEqual(byPartition(messages.map((m) => ({ ...m, payload: m.value }))));
    for (const m of read) expect(m.key).toBe((JSON.parse(m.payload) as DealLifecycleEventV1).dealId);
  });

  ('path' in kcat ? it : it.skip)('kcat puts a deal on the relay\'s partition only with partitioner=murmur2_random (librdkafka defaults to CRC32)', async () => {
    const relayPartition = new Map(messages.map((m) => [m.key, m.partition]));
    const partitionsBy = async (extra: string[]) => {
      const target = `${topic}.kcat-${extra.length}`;
      await createTopic(brokers, target, 3);
      execFileSync((kcat as { path: string }).path, ['-P', '-b', brokers.join(','), '-t', target, '-K', '|', ...extra], {
        input: recorded.dealIds.map((id) => `${id}|{}`).join('\n'),
        timeout: 60_000,
      });
      const read = await readTopic(brokers, target, { until: (m) => m.length >= recorded.dealIds.length, timeoutMs: 60_000 });
      return recorded.dealIds.map((id) => read.find((m) => m.key === id)?.partition);
    };
    const asRelay = recorded.dealIds.map((id) => relayPartition.get(id));
    expect(await partitionsBy(['-X', 'partitioner=murmur2_random'])).toEqual(asRelay);
    expect(await partitionsBy([])).not.toEqual(asRelay);
  });

  it('answers GET /health with its status (running, everything published up to the last deal event) and GET /metrics with the same figures', async () => {
    const url = `http://127.0.0.1:${app.get(RelayHealthServer).port}`;
    const lastDealEvent = (await store.readAll()).events.filter((e) => e.streamId.startsWith('deal-')).at(-1)!;
    // The checkpoint moves just after the broker's acknowledgement, so it may trail what is already readable.
    let body: { relay?: { checkpointPosition?: number } } = {};
    for (const deadline = Date.now() + 10_000; body.relay?.checkpointPosition !== lastDealEvent.position && Date.now() < deadline;) {
      const response = await fetch(`${url}/health`);
      expect(response.status).toBe(200);
      body = (await response.json()) as typeof body;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(body).toMatchObject({ status: 'ok', relay: { state: 'running', topic, checkpointPosition: lastDealEvent.position } });
    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const text = await metrics.text();
    expect(text).toContain(`deals_relay_position ${lastDealEvent.position}`);
    expect(text).toContain(`deals_event_store_head_position ${await store.headPosition()}`);
    expect(text).toMatch(/^deals_relay_lag \d+$/m);
    expect(text).toContain('deals_relay_stalled 0');
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    const other = await fetch(`${url}/nothing`);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ code: 'HTTP.NOT_FOUND', message: expect.stringContaining('GET /metrics') });
  });
});
