import { DynamicModule, Inject, MiddlewareConsumer, Module, NestModule, OnModuleInit, RequestMethod } from '@nestjs/common';
import { APP_INTERCEPTOR, ModuleRef } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { DestinationStream } from 'pino';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { RelayService } from '@deals/kafka-relay';
import { ApiConfig } from '../config/api-config';
import { operationsSettingsOf } from '../config/operations-settings';
import { HealthController } from '../health/health.controller';
import { Readiness } from '../health/readiness';
import { EMBEDDED_RELAY } from '../integrations/kafka/embedded-relay.module';
import { LiveSubscribers } from '../projections/live/live-subscribers';
import { ProjectionHost } from '../projections/projection-host';
import { ProjectionsModule } from '../projections/projections.module';
import { ApiMetrics } from './api-metrics';
import { ChangeLogPruner } from './change-log-pruner';
import { CommandTypeInterceptor } from './command-type.interceptor';
import { GracefulShutdown } from './graceful-shutdown';
import { MetricsServer } from './metrics-server';
import { loggerParams } from './request-log';
import { RequestsInFlight } from './requests-in-flight';
import { RequestTrackingMiddleware } from './request-tracking.middleware';

export interface LogOutput {
  /** Where log lines go (tests capture them); default stdout. */
  readonly destination?: DestinationStream;
  /** No logs at all (test apps that do not look at them). */
  readonly silent?: boolean;
}

/** Running in production: JSON logs, metrics, health checks, graceful shutdown, change-log pruning. */
@Module({})
export class OperationsModule implements NestModule, OnModuleInit {
  static forRoot(config: ApiConfig, logs: LogOutput = {}): DynamicModule {
    const settings = operationsSettingsOf(config);
    return {
      module: OperationsModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerParams({ level: logs.silent ? 'silent' : settings.logLevel, pretty: settings.prettyLogs, destination: logs.destination })),
        TerminusModule.forRoot({ logger: false }),
        ProjectionsModule,
      ],
      controllers: [HealthController],
      providers: [
        ApiMetrics,
        RequestsInFlight,
        Readiness,
        GracefulShutdown,
        { provide: MetricsServer, inject: [ApiMetrics], useFactory: (m: ApiMetrics) => new MetricsServer(m, { port: settings.metricsPort, host: settings.metricsHost }) },
        { provide: ChangeLogPruner, inject: [ProjectionHost, LiveSubscribers], useFactory: (r: ProjectionHost, l: LiveSubscribers) => new ChangeLogPruner(r, l, settings.changeLogRetentionHours) },
        { provide: 'SHUTDOWN_GRACE_MS', useValue: settings.shutdownGraceMs },
        { provide: APP_INTERCEPTOR, useClass: CommandTypeInterceptor },
      ],
      exports: [ApiMetrics, MetricsServer],
    };
  }

  constructor(
    private readonly metrics: ApiMetrics,
    private readonly runner: ProjectionHost,
    private readonly live: LiveSubscribers,
    private readonly moduleRef: ModuleRef,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestTrackingMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }

  onModuleInit(): void {
    const relay = this.embeddedRelay();
    this.metrics.sources = {
      projections: () => this.runner.status(),
      liveFeeds: () => ({ subscribers: this.live.list().length, cutOffs: this.live.cutOffs }),
      relay: relay
        ? async () => {
            const position = relay.checkpointPosition;
            return position === undefined ? undefined : { position, headPosition: await this.store.headPosition(), stalled: relay.status().state === 'stalled' };
          }
        : undefined,
    };
  }

  private embeddedRelay(): RelayService | undefined {
    try {
      return this.moduleRef.get<RelayService>(EMBEDDED_RELAY, { strict: false });
    } catch {
      return undefined;
    }
  }
}
