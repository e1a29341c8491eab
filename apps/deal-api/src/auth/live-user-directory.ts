import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { createUserDecider, USER_ID, UserState, userStreamId } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { UserDirectory } from '@deals/projections';
import { aggregateStream } from '@deals/command-pipeline';

/** The user directory of this process: loaded before the first request, then kept current from the store. */
@Injectable()
export class LiveUserDirectory extends UserDirectory implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('UserDirectory');

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async onModuleInit(): Promise<void> {
    await this.start(this.store, (error) => this.logger.warn(`user events subscription failed, resuming: ${error instanceof Error ? error.message : String(error)}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}

const users = createUserDecider();

/** A registered user read straight from their stream (for tools that run without the API). */
export async function findUser(store: EventStore, userId: string): Promise<UserState | undefined> {
  if (!USER_ID.test(userId)) return undefined;
  const { state } = await aggregateStream(store, userStreamId(userId), users);
  return state.exists ? state : undefined;
}
