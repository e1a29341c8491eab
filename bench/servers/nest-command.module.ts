import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { resolveAuthSecret } from '@deals/access-tokens';
import { EVENT_STORE, EventStore, openEventStore } from '@deals/event-store';
import { AccessDenialLog } from '../../apps/deal-api/src/auth/access-denial.log';
import { AccessGuard } from '../../apps/deal-api/src/auth/access.guard';
import { AccessPolicy } from '../../apps/deal-api/src/auth/access-policy';
import { createJwtService } from '../../apps/deal-api/src/auth/access-token';
import { LiveUserDirectory } from '../../apps/deal-api/src/auth/live-user-directory';
import { API_CONFIG, ApiConfig } from '../../apps/deal-api/src/config/api-config';
import { DealCommandHandler } from '../../apps/deal-api/src/deals/commands/deal-command.handler';
import { commandControllers } from '../../apps/deal-api/src/deals/deals.module';
import { HttpErrorFilter } from '../../apps/deal-api/src/errors/http-error.filter';
import { LivePipelineCatalog } from '../../apps/deal-api/src/pipelines/live-pipeline-catalog';
import { ACTOR_RESOLVER, ActorRequest, ActorResolver } from '../../apps/deal-api/src/request-context/actor';
import { ActorGuard } from '../../apps/deal-api/src/request-context/actor.guard';
import { JwtActorResolver } from '../../apps/deal-api/src/request-context/jwt-actor.resolver';

/**
 * The API's deal command routes alone: the product's own command controllers (imported, not
 * copied), DealCommandHandler (handleCommand with the authorised deal decider), the SQLite event
 * store, the user directory and pipeline catalog, the global guards (bearer token, access table)
 * and the error filter. Left out: the request door, cookies, sessions, logging, metrics, the
 * projections and every other route. Serves on Express or Fastify alike (nest-command-server.ts).
 */
@Module({})
export class NestCommandModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: NestCommandModule,
      controllers: commandControllers,
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: EVENT_STORE, useFactory: () => openEventStore(config) },
        { provide: JwtService, useFactory: () => createJwtService(resolveAuthSecret(config)) },
        LiveUserDirectory, LivePipelineCatalog, AccessPolicy, AccessDenialLog, DealCommandHandler, JwtActorResolver,
        // Bearer tokens only (the API's RequestActorResolver also takes personal tokens and session cookies).
        { provide: ACTOR_RESOLVER, inject: [JwtActorResolver], useFactory: (jwt: JwtActorResolver): ActorResolver => ({ resolve: (r: ActorRequest) => jwt.resolve(r.headers) }) },
        { provide: APP_GUARD, useClass: ActorGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
