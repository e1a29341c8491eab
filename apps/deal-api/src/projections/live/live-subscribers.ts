import { BeforeApplicationShutdown, Injectable, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { Actor } from '@deals/domain';
import { CredentialDirectory } from '../../auth/accounts/credential-directory';
import { LiveUserDirectory } from '../../auth/live-user-directory';
import { SseSubscriber } from './sse-subscriber';

export interface LiveSubscription {
  readonly actor: Actor;
  readonly projections: readonly string[];
  readonly subscriber: SseSubscriber;
  /** When the subscriber's token expires (ms since the epoch): the feed is closed then. */
  readonly expiresAt: number;
  /** The dashboard session or personal access token the feed was opened with: it closes when that ends. */
  readonly credential?: { readonly sessionId?: string; readonly personalTokenId?: string };
}

/** After a shutdown, clients reconnect after 5-10 s (the instance restarting, or another one). */
const SHUTDOWN_RETRY_MS = 5_000;

/** setTimeout's longest delay. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The open live feeds and who holds them. A feed is closed with `token-expired` when its token
 * expires, with `credential-ended` when its session ends or its personal token is revoked, and
 * with `rights-changed` when its user's roles change or they are deactivated (the subscriber
 * reconnects and is judged again); at shutdown every feed is closed with `server-shutdown`.
 */
@Injectable()
export class LiveSubscribers implements OnModuleInit, BeforeApplicationShutdown {
  private readonly open = new Set<LiveSubscription>();
  /** Feeds the server cut off since start, by reason (`overflow`, `stalled`), for the metrics. */
  readonly cutOffs = new Map<string, number>();
  private rights?: Subscription;
  private credentialChanges?: Subscription;

  constructor(
    private readonly users: LiveUserDirectory,
    private readonly credentials: CredentialDirectory,
  ) {}

  onModuleInit(): void {
    this.rights = this.users.changes$.subscribe((change) => {
      for (const s of this.list(change.userId)) s.subscriber.close('rights-changed');
    });
    this.credentialChanges = this.credentials.changes$.subscribe((userId) => {
      const now = new Date().toISOString();
      for (const s of this.list(userId)) {
        if (s.credential && !this.credentials.stillValid(userId, s.credential, now)) s.subscriber.close('credential-ended');
      }
    });
  }

  add(subscription: LiveSubscription): void {
    this.open.add(subscription);
    // A timer longer than 2^31-1 ms fires at once; a personal access token may live a year, so the feed is renewed after ~24 days.
    const expiry = setTimeout(() => subscription.subscriber.close('token-expired'), Math.min(MAX_TIMER_MS, Math.max(0, subscription.expiresAt - Date.now())));
    expiry.unref();
    void subscription.subscriber.ended.then((reason) => {
      if (reason === 'overflow' || reason === 'stalled') this.cutOffs.set(reason, (this.cutOffs.get(reason) ?? 0) + 1);
      clearTimeout(expiry);
      this.open.delete(subscription);
    });
  }

  /** The open feeds, or those of one user. */
  list(userId?: string): LiveSubscription[] {
    return [...this.open].filter((s) => userId === undefined || s.actor.id === userId);
  }

  beforeApplicationShutdown(): void {
    this.rights?.unsubscribe();
    this.credentialChanges?.unsubscribe();
    this.closeAll();
  }

  /** Ends every feed with `server-shutdown` and a `retry:` hint, so clients come back spread out. */
  closeAll(): void {
    for (const s of this.open) s.subscriber.close('server-shutdown', SHUTDOWN_RETRY_MS + Math.floor(Math.random() * SHUTDOWN_RETRY_MS));
  }
}
