import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DealLifecycleEventV1 } from '@deals/contracts';
import { SqliteEventStore } from '@deals/event-store';
import { BROKER_START_TIMEOUT_MS, testKafkaBrokers } from '../../../../deploy/kafka/testing/test-broker';
import { readTopic, readTopicToEnd } from '../../../../deploy/kafka/testing/topic-reader';
import { recordDealHistories } from '../testing/deal-histories';
import { startRelayProcess } from '../testing/relay-process';
import { RelayCheckpoint } from '@deals/kafka-relay';

/** Bounds a wait on a child process, saying what it printed when the bound is hit. */
function bounded<T>(promise: Promise<T>, ms: number, what: string, output: () => string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms; the relay printed:\n${output()}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('Kafka relay killed with SIGKILL while publishing', () => {
  const topic = `deal-lifecycle.crash-${randomUUID().slice(0, 8)}`;
  let dir: string;
  let brokers: string[];

  beforeAll(() => {
    brokers = testKafkaBrokers();
    dir = mkdtempSync(join(tmpdir(), 'relay-crash-'));
  }, BROKER_START_TIMEOUT_MS);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('after restarts every event is on the topic at least once; de-duplicated by event id, exactly N, in order per deal', async () => {
    const store = new SqliteEventStore({ path: join(dir, 'events.db') });
    const { events: n } = await recordDealHistories(store, 60);
    const stored = (await store.readAll()).events.filter((e) => e.streamId.startsWith('deal-'));
    await store.close();
    const env = {
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_DEAL_EVENTS: topic,
      KAFKA_TOPIC_PARTITIONS: '3',
      DATA_DIR: dir,
      RELAY_BATCH_SIZE: '10',
    };
    const checkpointAfterKill: number[] = [];

    for (const killAfter of [3, 7]) {
      const relay = startRelayProcess(env, (batches) => batches === killAfter);
      await bounded(relay.reached, 60_000, `no ${killAfter} published batches`, relay.output);
      relay.child.kill('SIGKILL');
      expect(await bounded(relay.exited, 10_000, 'not dead after SIGKILL', relay.output)).toEqual({ code: null, signal: 'SIGKILL' });
      const checkpoint = new RelayCheckpoint(join(dir, 'kafka-relay.db'), `deal-lifecycle:${topic}`);
      checkpointAfterKill.push(checkpoint.load());
      checkpoint.close();
    }
    // Killed part-way, and the second run went on from the first run's checkpoint.
    expect(checkpointAfterKill[0]).toBeGreaterThan(0);
    expect(checkpointAfterKill[1]).toBeGreaterThan(checkpointAfterKill[0]);
    expect(checkpointAfterKill[1]).toBeLessThan(stored.at(-1)!.position);

    // What the broker holds up to now: the checkpoint never passed an event that is not on the topic.
    const beforeRestart = await readTopicToEnd(brokers, topic, 30_000);
    const onTopicBefore = new Set(beforeRestart.map((m) => (JSON.parse(m.value ?? '') as DealLifecycleEventV1).eventId));
    for (const e of stored.filter((e) => e.position <= checkpointAfterKill[1])) expect(onTopicBefore.has(e.eventId)).toBe(true);

    const relay = startRelayProcess(env, () => false);
    try {
      const read = await readTopic(brokers, topic, {
        until: (m) => new Set(m.map((x) => (JSON.parse(x.value ?? '') as DealLifecycleEventV1).eventId)).size >= n,
        timeoutMs: 90_000,
      });
      const events = read.map((m) => JSON.parse(m.value ?? '') as DealLifecycleEventV1);
      const firstSeen = new Map<string, DealLifecycleEventV1>();
      for (const e of events) if (!firstSeen.has(e.eventId)) firstSeen.set(e.eventId, e);

      expect(events.length).toBeGreaterThanOrEqual(n);
      expect(firstSeen.size).toBe(n);
      expect(new Set(firstSeen.keys())).toEqual(new Set(stored.map((e) => e.eventId)));
      const perDeal = new Map<string, number[]>();
      for (const e of firstSeen.values()) perDeal.set(e.dealId, [...(perDeal.get(e.dealId) ?? []), e.streamRevision]);
      for (const revisions of perDeal.values()) expect(revisions).toEqual(revisions.map((_, i) => i));
    } finally {
      relay.child.kill('SIGTERM');
      const exit = await bounded(relay.exited, 30_000, 'the relay did not stop on SIGTERM', relay.output);
      expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    }
  }, 240_000);
});
