import { DynamicModule, Module } from '@nestjs/common';
import { RELAY_CONFIG, RelayConfig } from './config/relay-config';
import { RelayRunner } from './relay.runner';

/** The relay: needs an EVENT_STORE from its host, publishes deal-lifecycle.v1 events to Kafka. */
@Module({})
export class KafkaRelayModule {
  static forRoot(config: RelayConfig): DynamicModule {
    return {
      module: KafkaRelayModule,
      providers: [{ provide: RELAY_CONFIG, useValue: config }, RelayRunner],
    };
  }
}
