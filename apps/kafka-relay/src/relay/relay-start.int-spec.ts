import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes } from 'kafkajs';
import { SqliteEventStore } from '@deals/event-store';
import { RelayService, relayConfigFromEnv } from '@deals/kafka-relay';
import { BROKER_START_TIMEOUT_MS, testKafkaBrokers } from '../../../../deploy/kafka/testing/test-broker';
import { readTopic, withAdmin } from '../../../../deploy/kafka/testing/topic-reader';
import { CapturedLogger } from '../testing/captured-logger';
import { recordDealHistories } from '../testing/deal-histories';

describe('Kafka relay starting against a real broker', () => {
  const topic = `deal-lifecycle.start-${randomUUID().slice(0, 8)}`;
  let brokers: string[];
  let store: SqliteEventStore;
  const logger = new CapturedLogger();

  beforeAll(() => {
    brokers = testKafkaBrokers();
    store = new SqliteEventStore({ path: ':memory:' });
  }, BROKER_START_TIMEOUT_MS);
  afterAll(() => store.close());

  it('creates its topic kept for ever and never compacted, and starts twice without an error line', async () => {
    const config = relayConfigFromEnv({ KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_DEAL_EVENTS: topic, KAFKA_TOPIC_PARTITIONS: '2', DATA_DIR: ':memory:' });
    const { events } = await recordDealHistories(store, 2);
    for (let run = 0; run < 2; run++) {
      const relay = new RelayService(config, store, logger);
      await relay.start();
      // Publishing (the idempotent producer's first request to a fresh broker included) is part of a normal start.
      if (run === 0) await readTopic(brokers, topic, { until: (m) => m.length >= events, timeoutMs: 60_000 });
      await relay.stop();
    }

    expect(logger.at('log').filter((l) => l.startsWith(`created topic ${topic}`))).toHaveLength(1);
    expect(logger.at('error')).toEqual([]);
    expect(logger.at('warn')).toEqual([]);

    const described = await withAdmin(brokers, (admin) =>
      admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['cleanup.policy', 'retention.ms'] }] }),
    );
    const entries = Object.fromEntries(described.resources[0].configEntries.map((e) => [e.configName, e.configValue]));
    expect(entries).toEqual({ 'cleanup.policy': 'delete', 'retention.ms': '-1' });
    const metadata = await withAdmin(brokers, (admin) => admin.fetchTopicMetadata({ topics: [topic] }));
    expect(metadata.topics[0].partitions).toHaveLength(2);
  }, 120_000);
});
