import { Subject } from 'rxjs';
import { createUserDecider, Relations, USER_CATEGORY, UserEvent, UserState } from '@deals/domain';
import { EventStore, RecordedEvent, StreamFamilyFollower } from '@deals/event-store';

const users = createUserDecider();
const PREFIX = `${USER_CATEGORY}-`;

/** A user whose rights just changed (registered, roles changed, deactivated, reactivated). */
export interface UserChange {
  readonly userId: string;
  readonly type: UserEvent['type'];
  readonly position: number;
}

/**
 * Every registered user, in memory, kept current from the `user-*` streams: who they are, their
 * roles, their manager and whether they are active. Read on every request, so a demoted or
 * deactivated user loses their rights as soon as the event is applied here.
 */
export class UserDirectory implements Relations {
  private readonly byId = new Map<string, UserState>();
  private readonly follower = new StreamFamilyFollower(
    PREFIX,
    (event) => {
      const userId = event.streamId.slice(PREFIX.length);
      this.byId.set(userId, users.evolve(this.byId.get(userId) ?? users.initialState(), { type: event.type, data: event.data } as UserEvent));
    },
    (event) => this.changes$.next({ userId: event.streamId.slice(PREFIX.length), type: event.type as UserEvent['type'], position: event.position }),
  );
  readonly changes$ = new Subject<UserChange>();

  /** Reads every user stream once (await before serving requests). */
  load(store: EventStore): Promise<void> {
    return this.follower.load(store);
  }

  /** Loads, then follows new user events until `stop()`. `onError` hears a subscription that failed (it is resumed). */
  start(store: EventStore, onError: (error: unknown) => void = () => undefined): Promise<void> {
    return this.follower.start(store, onError);
  }

  async stop(): Promise<void> {
    await this.follower.stop();
    this.changes$.complete();
  }

  apply(event: RecordedEvent): void {
    this.follower.apply(event);
  }

  /** Resolves once every user event up to `position` is applied (a user command's own position). */
  waitFor(position: number): Promise<void> {
    return this.follower.waitFor(position);
  }

  /** A registered user, active or not. */
  find(userId: string): UserState | undefined {
    const user = this.byId.get(userId);
    return user?.exists ? user : undefined;
  }

  managerOf(userId: string): string | undefined {
    return this.byId.get(userId)?.managerId;
  }

  isRegistered(userId: string): boolean {
    return this.find(userId) !== undefined;
  }

  all(): UserState[] {
    return [...this.byId.values()].filter((user) => user.exists);
  }

  get position(): number {
    return this.follower.position;
  }
}
