import { relayConfigFromEnv } from './relay-config';

describe('relayConfigFromEnv', () => {
  it('needs the brokers and defaults the rest', () => {
    expect(relayConfigFromEnv({ KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092', DATA_DIR: ':memory:' })).toEqual({
      brokers: ['kafka-1:9092', 'kafka-2:9092'],
      clientId: 'deal-kafka-relay',
      topic: 'deal-lifecycle.v1',
      partitions: 6,
      replicationFactor: -1,
      dataDir: ':memory:',
      eventStoreConnectionString: undefined,
      batchSize: 500,
      lingerMs: 20,
    });
  });

  it('reads topic, partitions and batching from the environment', () => {
    const config = relayConfigFromEnv({
      KAFKA_BROKERS: '127.0.0.1:9092',
      KAFKA_TOPIC_DEAL_EVENTS: 'deals.v1',
      KAFKA_TOPIC_PARTITIONS: '12',
      KAFKA_TOPIC_REPLICATION_FACTOR: '3',
      RELAY_BATCH_SIZE: '50',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
    });
    expect(config).toMatchObject({ topic: 'deals.v1', partitions: 12, replicationFactor: 3, batchSize: 50 });
    expect(config.eventStoreConnectionString).toBe('esdb://localhost:2113?tls=false');
  });

  it.each([
    [{}, 'KAFKA_BROKERS must list at least one broker'],
    [{ KAFKA_BROKERS: 'kafka' }, 'KAFKA_BROKERS: "kafka" is not host:port'],
    [{ KAFKA_BROKERS: 'k:1', KAFKA_TOPIC_PARTITIONS: '0' }, 'KAFKA_TOPIC_PARTITIONS must be an integer from 1 to 10000, got "0"'],
    [{ KAFKA_BROKERS: 'k:1', KAFKA_TOPIC_DEAL_EVENTS: 'deal events' }, 'KAFKA_TOPIC_DEAL_EVENTS: "deal events" is not a valid topic name'],
  ])('refuses %j', (env, message) => {
    expect(() => relayConfigFromEnv(env)).toThrow(message);
  });
});
