import { DynamicModule, Module } from '@nestjs/common';
import { RelayConfig } from '@deals/kafka-relay';
import { KafkaRelayModule } from '@deals/kafka-relay';
import { RelayStoreModule } from './store/relay-store.module';

/** The standalone relay process: its own connection to the store, and the relay. */
@Module({})
export class RelayAppModule {
  static forRoot(config: RelayConfig): DynamicModule {
    return { module: RelayAppModule, imports: [RelayStoreModule.forRoot(config), KafkaRelayModule.forRoot(config)] };
  }
}
