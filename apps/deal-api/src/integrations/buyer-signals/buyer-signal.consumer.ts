import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { Consumer, EachMessagePayload, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { KAFKA_INTEGRATION_CONFIG, KafkaIntegrationConfig } from '../kafka/kafka-integration.config';
import { ensureTopics, kafkaLogThrough, KEEP_FOREVER } from '@deals/kafka-relay';
import { ApiMetrics } from '../../operations/api-metrics';
import { BuyerSignalRecorder } from './buyer-signal.recorder';
import { deadLetterOf } from './dead-letter';

/**
 * Reads the buyer-signals topic (when Kafka is configured) and records each signal. A message
 * that cannot be read, or that the deal refuses, is copied to the dead-letter topic with the
 * reason. The offset is committed only after that: a crash mid-way reads the message again,
 * and its idempotency key makes the second recording a no-op.
 */
@Injectable()
export class BuyerSignalConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('BuyerSignals');
  private consumer?: Consumer;
  private producer?: Producer;

  constructor(
    @Inject(KAFKA_INTEGRATION_CONFIG) private readonly config: KafkaIntegrationConfig | null,
    private readonly recorder: BuyerSignalRecorder,
    @Optional() private readonly metrics?: ApiMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const config = this.config;
    if (!config) return;
    const kafka = new Kafka({ clientId: config.clientId, brokers: [...config.brokers], logLevel: logLevel.WARN, logCreator: kafkaLogThrough(this.logger) });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { partitions, replicationFactor } = config;
      // Signals are handled within days: the broker's retention. Dead letters wait for a person: kept.
      await ensureTopics(admin, [
        { topic: config.signalsTopic, partitions, replicationFactor, configs: { 'cleanup.policy': 'delete' } },
        { topic: config.deadLetterTopic, partitions, replicationFactor, configs: KEEP_FOREVER },
      ], this.logger);
    } finally {
      await admin.disconnect();
    }
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
    await this.producer.connect();
    this.consumer = kafka.consumer({ groupId: config.groupId, allowAutoTopicCreation: false });
    await this.consumer.connect();
    this.consumer.on(this.consumer.events.END_BATCH_PROCESS, ({ payload }) =>
      this.metrics?.inboundLag.set({ topic: payload.topic, partition: String(payload.partition) }, Number(payload.offsetLag)));
    // A new group starts at the oldest signal, so none sent before the first start is missed.
    await this.consumer.subscribe({ topics: [config.signalsTopic], fromBeginning: true });
    await this.consumer.run({ autoCommit: false, eachMessage: (payload) => this.handle(payload) });
    this.logger.log(`recording buyer signals from ${config.signalsTopic} (group ${config.groupId}); rejected ones go to ${config.deadLetterTopic}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }

  private async handle({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const config = this.config as KafkaIntegrationConfig;
    const outcome = await this.recorder.record(message.value?.toString('utf8') ?? '');
    if (outcome.kind === 'rejected') {
      await this.producer?.send({
        topic: config.deadLetterTopic,
        acks: -1,
        messages: [deadLetterOf(message, { topic, partition }, outcome, new Date())],
      });
      this.logger.warn(`buyer signal ${topic}/${partition}@${message.offset} dead-lettered: ${outcome.code}: ${outcome.reason}`);
    }
    this.metrics?.buyerSignals.inc({ outcome: outcome.kind === 'rejected' ? 'dead-lettered' : 'recorded' });
    await this.consumer?.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
  }
}
