import { Module } from '@nestjs/common';
import { DealsModule } from '../deals/deals.module';
import { BuyerSignalConsumer } from './buyer-signals/buyer-signal.consumer';
import { BuyerSignalRecorder } from './buyer-signals/buyer-signal.recorder';
import { KAFKA_INTEGRATION_CONFIG, kafkaIntegrationConfigFromEnv } from './kafka/kafka-integration.config';

const kafkaConfig = { provide: KAFKA_INTEGRATION_CONFIG, useFactory: () => kafkaIntegrationConfigFromEnv() ?? null };

/** Other systems talking to the API over Kafka: buyer signals in. Idle unless KAFKA_BROKERS is set. */
@Module({
  imports: [DealsModule],
  providers: [kafkaConfig, BuyerSignalRecorder, BuyerSignalConsumer],
})
export class IntegrationsModule {}
