import { ServerResponse } from 'node:http';
import { LoggedChange } from '@deals/projections';
import { LiveFeedLimits } from './live-feed-limits';
import { changeMessage, controlMessage } from './sse-format';

/** Where a subscriber's changes come from: the change log for the backlog, then the live ones. */
export interface ChangeSource {
  /** Up to `limit` changes with an id above `afterId`, in id order. */
  changesAfter(afterId: number, limit: number): Promise<readonly LoggedChange[]>;
  /** Calls `listener` with every change committed from now on, in id order; returns the unsubscribe. */
  subscribe(listener: (change: LoggedChange) => void): () => void;
}

/** Whether this subscriber may see a change. */
export type Visibility = (change: LoggedChange) => boolean;

export interface SseSubscriberOptions {
  readonly visible: Visibility;
  /** Send the changes after this id: the client's Last-Event-ID, or the newest id for "from now on". */
  readonly afterId: number;
  readonly limits: LiveFeedLimits;
  readonly log?: (message: string) => void;
}

/** Why a feed ended: `disconnected`, `overflow`, `stalled`, `error`, or the reason given to close(). */
export type EndReason = string;

interface Queued {
  readonly change: LoggedChange;
  readonly text: string;
  readonly bytes: number;
}

/**
 * One client of the live feed. It writes only what the socket accepts: the backlog is read from
 * the change log a page at a time as the client takes it (the unsent rest of a page is read again
 * later, not held), and live changes wait in a queue while it is behind. Past `maxQueuedBytes` waiting, or `stallTimeoutMs` without taking anything, the
 * client is cut off; it resumes from its Last-Event-ID, losing nothing. The final message of a
 * feed the server ends is `event: overflow` or `event: closed` (`data: {"reason": …}`).
 */
export class SseSubscriber {
  /** Resolves once the feed has ended, whoever ended it. */
  readonly ended: Promise<EndReason>;
  private resolveEnded!: (reason: EndReason) => void;
  private phase: 'replaying' | 'live' | 'ended' = 'replaying';
  private visible: Visibility;
  /** The last change written or skipped as not visible. */
  private afterId: number;
  /** The first change that arrived live during the replay: the replay stops before it, the queue starts with it. */
  private liveFrom?: number;
  private queue: Queued[] = [];
  private queuedBytes = 0;
  /** Changes to read for the next replay page: what the socket took last time, doubled while it keeps up. */
  private pageSize: number;
  private pumping = false;
  private wakePump?: () => void;
  private unsubscribe?: () => void;
  private heartbeat?: NodeJS.Timeout;
  private stallTimer?: NodeJS.Timeout;

  constructor(
    private readonly res: ServerResponse,
    private readonly source: ChangeSource,
    private readonly options: SseSubscriberOptions,
  ) {
    this.visible = options.visible;
    this.afterId = options.afterId;
    this.pageSize = options.limits.replayPageSize;
    this.ended = new Promise((resolve) => (this.resolveEnded = resolve));
  }

  get state(): 'replaying' | 'live' | 'ended' {
    return this.phase;
  }

  /** The last change sent (or passed over as not visible): the change log must keep what follows it. */
  get sentThrough(): number {
    return this.afterId;
  }

  /** Bytes waiting for this client in this process: its unsent response buffer and its queue. */
  get heldBytes(): number {
    return this.res.writableLength + this.queuedBytes;
  }

  /** Whether it waits for the client to take what was already written (the socket's buffers are full). */
  get waitingForClient(): boolean {
    return this.res.writableNeedDrain;
  }

  start(): void {
    const { res } = this;
    // A socket error must never become an unhandled 'error' event, which would stop the process.
    res.on('error', (error) => this.abort('disconnected', error));
    res.req?.on('error', (error) => this.abort('disconnected', error));
    res.on('close', () => this.abort('disconnected'));
    res.on('drain', () => this.clearStall());
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    this.unsubscribe = this.source.subscribe((change) => this.onLive(change));
    this.heartbeat = setInterval(() => {
      if (!res.writableNeedDrain) this.write(': keep-alive\n\n');
    }, this.options.limits.heartbeatMs);
    void this.pump();
  }

  /**
   * Ends the feed with `event: closed`, `data: {"reason": reason}` (e.g. `token-expired`,
   * `rights-changed`); what was queued and not yet written is dropped, so a reconnect resumes
   * from the last change the client got. `retryMs` sets the client's reconnection delay (`retry:`).
   */
  close(reason: string, retryMs?: number): void {
    this.finish(reason, controlMessage('closed', { reason }, retryMs), true);
  }

  /**
   * Swaps the visibility rule, e.g. when the user's rights change. It applies to every change not
   * yet written, queued ones included. Changes hidden by the old rule are not sent again: when
   * rights widen, close('rights-changed') instead, so the client reloads its snapshot.
   */
  setVisibility(visible: Visibility): void {
    this.visible = visible;
    this.queue = this.queue.filter((q) => visible(q.change));
    this.queuedBytes = this.queue.reduce((sum, q) => sum + q.bytes, 0);
  }

  private onLive(change: LoggedChange): void {
    if (this.phase === 'ended' || change.id <= this.afterId) return;
    if (this.phase === 'replaying') this.liveFrom ??= change.id;
    if (!this.visible(change)) return;
    if (this.phase === 'live' && !this.queue.length && !this.res.writableNeedDrain) {
      this.deliver(change);
      return;
    }
    const text = changeMessage(change);
    const bytes = Buffer.byteLength(text);
    const held = this.heldBytes;
    // One change is always let through, however large, so a client can always make progress.
    if (held > 0 && held + bytes > this.options.limits.maxQueuedBytes) {
      this.overflow();
      return;
    }
    this.queue.push({ change, text, bytes });
    this.queuedBytes += bytes;
    void this.pump();
  }

  /** Writes the backlog, then the queue, as fast as the client takes them, then lets live changes through directly. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.phase !== 'ended') {
        if (this.res.writableNeedDrain) await this.drained();
        else if (this.phase === 'replaying') await this.replayPage();
        else if (this.queue.length) this.sendQueued();
        else break;
      }
    } catch (error) {
      this.abort('error', error);
    } finally {
      this.pumping = false;
    }
  }

  private async replayPage(): Promise<void> {
    const page = await this.source.changesAfter(this.afterId, this.pageSize);
    let taken = 0;
    for (const change of page) {
      if (this.liveFrom !== undefined && change.id >= this.liveFrom) break;
      if (this.res.writableNeedDrain) {
        // The rest of the page is not held while the client catches up: it is read again after 'drain'.
        this.pageSize = Math.max(1, taken);
        return;
      }
      this.deliver(change);
      taken++;
    }
    if (taken < this.pageSize) {
      // Caught up: what was committed after this page was read arrived live and is queued.
      if (this.phase === 'replaying') this.phase = 'live';
      return;
    }
    this.pageSize = Math.min(this.pageSize * 2, this.options.limits.replayPageSize);
    // One page at a time: other requests and subscribers are served between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }

  private sendQueued(): void {
    while (this.queue.length && !this.res.writableNeedDrain && this.phase === 'live') {
      const next = this.queue.shift()!;
      this.queuedBytes -= next.bytes;
      if (next.change.id > this.afterId) this.write(next.text, next.change.id);
    }
  }

  private deliver(change: LoggedChange): void {
    if (this.visible(change)) this.write(changeMessage(change), change.id);
    else this.afterId = change.id;
  }

  private write(text: string, changeId?: number): void {
    if (this.phase === 'ended' || this.res.writableEnded || this.res.destroyed) return;
    if (changeId !== undefined) this.afterId = changeId;
    this.res.write(text);
    if (this.res.writableNeedDrain && !this.stallTimer) {
      this.stallTimer = setTimeout(() => this.abort('stalled'), this.options.limits.stallTimeoutMs);
    }
  }

  /** Resolves on 'drain', or when the feed ends meanwhile. */
  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.wakePump = undefined;
        resolve();
      };
      this.res.on('drain', done);
      this.wakePump = done;
    });
  }

  private overflow(): void {
    this.queue = [];
    this.queuedBytes = 0;
    const message = controlMessage('overflow', { maxQueuedBytes: this.options.limits.maxQueuedBytes });
    const fits = this.res.writableLength + Buffer.byteLength(message) <= this.options.limits.maxQueuedBytes;
    this.finish('overflow', message, fits);
  }

  /** Ends the response after a last message; a client that does not take it within stallTimeoutMs is disconnected. */
  private finish(reason: EndReason, lastMessage: string, sendLast: boolean): void {
    if (this.phase === 'ended') return;
    if (sendLast) this.write(lastMessage);
    this.stop(reason);
    const { res } = this;
    if (res.writableEnded || res.destroyed) return;
    res.end();
    const timer = setTimeout(() => res.destroy(), this.options.limits.stallTimeoutMs);
    const cancel = () => clearTimeout(timer);
    res.once('finish', cancel);
    res.once('close', cancel);
  }

  /** Ends the feed at once: the client went away, took nothing for too long, or the source failed. */
  private abort(reason: EndReason, error?: unknown): void {
    if (this.phase === 'ended') return;
    if (reason === 'error') this.options.log?.(`live feed ended by an error: ${error instanceof Error ? error.message : String(error)}`);
    this.stop(reason);
    if (!this.res.destroyed) this.res.destroy();
  }

  private stop(reason: EndReason): void {
    this.phase = 'ended';
    this.unsubscribe?.();
    clearInterval(this.heartbeat);
    this.clearStall();
    this.queue = [];
    this.queuedBytes = 0;
    this.wakePump?.();
    this.resolveEnded(reason);
  }

  private clearStall(): void {
    clearTimeout(this.stallTimer);
    this.stallTimer = undefined;
  }
}
