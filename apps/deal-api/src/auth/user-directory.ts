import { Inject, Injectable } from '@nestjs/common';
import { createUserDecider, UserEvent, USER_ID, UserState, userStreamId } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { toDomainEvent } from '../command-pipeline/handle-command';

const users = createUserDecider();

/** Registered users, read from their `user-<id>` streams (always current: no read model to lag). */
@Injectable()
export class UserDirectory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async find(userId: string): Promise<UserState | undefined> {
    return findUser(this.store, userId);
  }

  async managerOf(userId: string): Promise<string | undefined> {
    return (await this.find(userId))?.managerId;
  }

  /** Every registered user's manager, for checks over many deals at once (a live feed). */
  async managers(): Promise<Map<string, string | undefined>> {
    const byUser = new Map<string, UserState>();
    const events = await this.store.readAll({ filter: { streamPrefixes: ['user-'] } });
    for (const e of events) {
      const userId = e.streamId.slice('user-'.length);
      byUser.set(userId, users.evolve(byUser.get(userId) ?? users.initialState(), toDomainEvent(e) as UserEvent));
    }
    return new Map([...byUser].map(([id, state]) => [id, state.managerId]));
  }
}

/** A registered user, or undefined; shared with the token script. */
export async function findUser(store: EventStore, userId: string): Promise<UserState | undefined> {
  if (!USER_ID.test(userId)) return undefined;
  const history = await store.readStream(userStreamId(userId));
  const state = history.reduce((s, e) => users.evolve(s, toDomainEvent(e) as UserEvent), users.initialState());
  return state.exists ? state : undefined;
}
