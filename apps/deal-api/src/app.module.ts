import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { API_CONFIG, ApiConfig } from './config/api-config';
import { DealsModule } from './deals/deals.module';
import { DemoModule } from './demo/demo.module';
import { HttpErrorFilter } from './errors/http-error.filter';
import { HealthController } from './health/health.controller';
import { IntegrityController } from './integrity/integrity.controller';
import { ProjectionsModule } from './projections/projections.module';
import { EventStoreModule } from './infrastructure/event-store.module';
import { ACTOR_RESOLVER } from './request-context/actor';
import { ActorGuard } from './request-context/actor.guard';
import { HeaderActorResolver } from './request-context/header-actor.resolver';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        { module: ConfigHolder, global: true, providers: [{ provide: API_CONFIG, useValue: config }], exports: [API_CONFIG] },
        CqrsModule.forRoot(),
        EventStoreModule,
        DealsModule,
        ProjectionsModule,
        ...(config.demoData ? [DemoModule] : []),
      ],
      controllers: [HealthController, IntegrityController],
      providers: [
        { provide: ACTOR_RESOLVER, useClass: HeaderActorResolver },
        { provide: APP_GUARD, useClass: ActorGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}

@Module({})
class ConfigHolder {}
