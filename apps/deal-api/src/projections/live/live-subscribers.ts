import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { Actor } from '@deals/domain';
import { SseSubscriber } from './sse-subscriber';

export interface LiveSubscription {
  readonly actor: Actor;
  readonly projections: readonly string[];
  readonly subscriber: SseSubscriber;
}

/**
 * The open live feeds and who holds them: where a feed is found to close it (a token expired,
 * rights changed: `subscriber.close(reason)`) or to narrow it (`subscriber.setVisibility(rule)`).
 * A feed leaves the list when it ends; at shutdown every feed is closed with `server-shutdown`.
 */
@Injectable()
export class LiveSubscribers implements BeforeApplicationShutdown {
  private readonly open = new Set<LiveSubscription>();

  add(subscription: LiveSubscription): void {
    this.open.add(subscription);
    void subscription.subscriber.ended.then(() => this.open.delete(subscription));
  }

  /** The open feeds, or those of one user. */
  list(userId?: string): LiveSubscription[] {
    return [...this.open].filter((s) => userId === undefined || s.actor.id === userId);
  }

  beforeApplicationShutdown(): void {
    for (const s of this.open) s.subscriber.close('server-shutdown');
  }
}
