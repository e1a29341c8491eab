import { kafkaIntegrationConfigFromEnv } from './kafka-integration.config';

describe('kafkaIntegrationConfigFromEnv', () => {
  it('is off without KAFKA_BROKERS', () => {
    expect(kafkaIntegrationConfigFromEnv({})).toBeUndefined();
    expect(kafkaIntegrationConfigFromEnv({ KAFKA_BROKERS: ' ' })).toBeUndefined();
  });

  it('defaults the topics, the dead-letter topic following the signals topic', () => {
    expect(kafkaIntegrationConfigFromEnv({ KAFKA_BROKERS: 'kafka:9092', KAFKA_TOPIC_BUYER_SIGNALS: 'signals' })).toEqual({
      brokers: ['kafka:9092'],
      clientId: 'deal-api',
      signalsTopic: 'signals',
      deadLetterTopic: 'signals.dead-letter',
      groupId: 'deal-api.buyer-signals',
      partitions: 6,
      replicationFactor: -1,
    });
  });

  it.each([
    [{ KAFKA_BROKERS: 'kafka' }, 'KAFKA_BROKERS: "kafka" is not host:port'],
    [{ KAFKA_BROKERS: 'k:1', KAFKA_TOPIC_BUYER_SIGNALS: 'buyer signals' }, 'KAFKA_TOPIC_BUYER_SIGNALS: "buyer signals" is not a valid Kafka name'],
    [{ KAFKA_BROKERS: 'k:1', KAFKA_TOPIC_PARTITIONS: 'many' }, 'KAFKA_TOPIC_PARTITIONS must be an integer from 1 to 10000, got "many"'],
  ])('refuses %j', (env, message) => {
    expect(() => kafkaIntegrationConfigFromEnv(env)).toThrow(message);
  });
});
