import { DealLifecycleEventV1, dealLifecycleHeaders } from '@deals/contracts';
import { Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { IntegrationEventPublisher } from './integration-event.publisher';
import { kafkaLogThrough, RelayLogger } from './relay-logger';
import { ensureTopics, KEEP_FOREVER } from './topic-setup';

export interface KafkaTopicConfig {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly topic: string;
  readonly partitions: number;
  readonly replicationFactor: number;
}

/**
 * Publishes deal-lifecycle.v1 events with kafkajs, keyed by deal id. The producer is idempotent
 * (acks from all in-sync replicas, one request in flight, retried without duplicates), so within
 * a partition (one deal) the order of publishing is the order on the topic.
 */
export class KafkaDealEventPublisher implements IntegrationEventPublisher {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  constructor(
    private readonly config: KafkaTopicConfig,
    private readonly logger: RelayLogger,
  ) {
    this.kafka = new Kafka({
      clientId: config.clientId,
      brokers: [...config.brokers],
      logLevel: logLevel.WARN,
      logCreator: kafkaLogThrough(this.logger),
    });
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      // Java's partitioner (murmur2 of the key). librdkafka-based clients default to another hash
      // (consistent_random, CRC32): they must set partitioner=murmur2_random to agree (docs/kafka.md).
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
  }

  /** Creates the topic if it is missing (kept for ever, never compacted), then connects the producer. */
  async connect(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { topic, partitions, replicationFactor } = this.config;
      await ensureTopics(admin, [{ topic, partitions, replicationFactor, configs: KEEP_FOREVER }], this.logger);
    } finally {
      await admin.disconnect();
    }
    await this.producer.connect();
  }

  async publish(events: readonly DealLifecycleEventV1[]): Promise<void> {
    if (events.length === 0) return;
    await this.producer.send({
      topic: this.config.topic,
      acks: -1,
      messages: events.map((event) => ({
        key: event.dealId,
        value: JSON.stringify(event),
        headers: { ...dealLifecycleHeaders(event) },
        timestamp: String(Date.parse(event.recordedAt)),
      })),
    });
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }
}
