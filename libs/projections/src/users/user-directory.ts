import { Subject } from 'rxjs';
import { createUserDecider, Relations, USER_CATEGORY, UserEvent, UserState } from '@deals/domain';
import { EventStore, RecordedEvent, StoreSubscription } from '@deals/event-store';

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
  private appliedUpTo = 0;
  private subscription?: StoreSubscription;
  private following?: Promise<void>;
  private running = false;
  private readonly waiters = new Set<{ position: number; resolve: () => void }>();
  readonly changes$ = new Subject<UserChange>();

  /** Reads every user stream once (await before serving requests). */
  async load(store: EventStore): Promise<void> {
    const pageSize = 1000;
    for (let after = this.appliedUpTo; ;) {
      const { events, scannedTo } = await store.readAll({ after, maxCount: pageSize, filter: { streamPrefixes: [PREFIX] } });
      events.forEach((event) => this.apply(event));
      if (events.length < pageSize) return;
      after = scannedTo;
    }
  }

  /** Loads, then follows new user events until `stop()`. `onError` hears a subscription that failed (it is resumed). */
  async start(store: EventStore, onError: (error: unknown) => void = () => undefined): Promise<void> {
    await this.load(store);
    this.running = true;
    this.following = this.follow(store, onError);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.subscription?.close();
    await this.following;
    this.changes$.complete();
  }

  apply(event: RecordedEvent): void {
    if (!event.streamId.startsWith(PREFIX) || event.position <= this.appliedUpTo) return;
    const userId = event.streamId.slice(PREFIX.length);
    try {
      this.byId.set(userId, users.evolve(this.byId.get(userId) ?? users.initialState(), { type: event.type, data: event.data } as UserEvent));
    } finally {
      this.appliedUpTo = event.position;
      for (const waiter of this.waiters) {
        if (waiter.position <= this.appliedUpTo) {
          this.waiters.delete(waiter);
          waiter.resolve();
        }
      }
    }
    this.changes$.next({ userId, type: event.type as UserEvent['type'], position: event.position });
  }

  /** Resolves once every user event up to `position` is applied (a user command's own position). */
  waitFor(position: number): Promise<void> {
    if (position <= this.appliedUpTo) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ position, resolve }));
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
    return this.appliedUpTo;
  }

  private async follow(store: EventStore, onError: (error: unknown) => void): Promise<void> {
    while (this.running) {
      const subscription = store.subscribeToAll({ fromPosition: this.appliedUpTo, filter: { streamPrefixes: [PREFIX] } });
      this.subscription = subscription;
      try {
        for await (const event of subscription) this.apply(event);
        return;
      } catch (error) {
        if (!this.running) return;
        onError(error);
        await subscription.close().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 1000).unref());
      }
    }
  }
}
