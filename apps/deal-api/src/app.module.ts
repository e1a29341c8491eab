import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { relayConfigFromEnv } from '@deals/kafka-relay';
import { AuthModule } from './auth/auth.module';
import { AccessGuard } from './auth/access.guard';
import { API_CONFIG, ApiConfig } from './config/api-config';
import { CommissionModule } from './commission/commission.module';
import { DealsModule } from './deals/deals.module';
import { DemoModule } from './demo/demo.module';
import { HttpErrorFilter } from './errors/http-error.filter';
import { IntegrityController } from './integrity/integrity.controller';
import { IntegrationsModule } from './integrations/integrations.module';
import { EmbeddedRelayModule } from './integrations/kafka/embedded-relay.module';
import { PipelinesModule } from './pipelines/pipelines.module';
import { ProjectionsModule } from './projections/projections.module';
import { EventStoreModule } from './infrastructure/event-store.module';
import { LogOutput, OperationsModule } from './operations/operations.module';
import { ACTOR_RESOLVER } from './request-context/actor';
import { ActorGuard } from './request-context/actor.guard';
import { JwtActorResolver } from './request-context/jwt-actor.resolver';
import { PersonalTokenResolver } from './request-context/personal-token.resolver';
import { RequestActorResolver } from './request-context/request-actor.resolver';
import { TeamsModule } from './teams/teams.module';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig, logs: LogOutput = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        { module: ConfigHolder, global: true, providers: [{ provide: API_CONFIG, useValue: config }], exports: [API_CONFIG] },
        // Logs, metrics, health checks, graceful shutdown (docs/operations.md).
        OperationsModule.forRoot(config, logs),
        CqrsModule.forRoot(),
        EventStoreModule,
        AuthModule,
        PipelinesModule,
        DealsModule,
        ProjectionsModule,
        CommissionModule,
        TeamsModule,
        IntegrationsModule,
        WebModule,
        ...(config.demoData ? [DemoModule] : []),
        // The relay inside this process, for the single-machine setup; otherwise run apps/kafka-relay.
        ...(config.embeddedRelay ? [EmbeddedRelayModule.forRoot(relayConfigFromEnv())] : []),
      ],
      controllers: [IntegrityController],
      providers: [
        JwtActorResolver,
        PersonalTokenResolver,
        { provide: ACTOR_RESOLVER, useClass: RequestActorResolver },
        // In this order: who is asking, then may they do what they ask (the access table).
        { provide: APP_GUARD, useClass: ActorGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}

@Module({})
class ConfigHolder {}
