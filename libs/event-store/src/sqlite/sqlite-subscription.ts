import { ReadAllResult, RecordedEvent, StoreSubscription } from '../event-store.port';

/** One page of matching events after `after`, and how far the scan got (past filtered-out rows too). */
export type PageReader = (after: number, limit: number) => ReadAllResult;

const PAGE_SIZE = 256;

/**
 * A catch-up subscription that pulls: it reads a page only when its consumer asks for more,
 * so a slow consumer holds at most one page and never holds up appends. When caught up it
 * waits for a wake-up (an in-process commit) or the poll interval (commits by other processes).
 * Delivery follows a position cursor, so nothing is delivered twice or out of order. Once a
 * page is delivered, how far it scanned past its last event is told to `onScanned`.
 */
export class SqliteSubscription implements StoreSubscription {
  private page: readonly RecordedEvent[] = [];
  private index = 0;
  private closed = false;
  private wakeWaiter: (() => void) | undefined;
  private pulls: Promise<unknown> = Promise.resolve();
  /** The last position delivered or reported scanned. */
  private reported: number;

  constructor(
    private readonly readPage: PageReader,
    private cursor: number,
    private readonly pollIntervalMs: number,
    private readonly onClose: (subscription: SqliteSubscription) => void,
    private readonly onScanned: (position: number) => void = () => undefined,
  ) {
    this.reported = cursor;
  }

  /** New events may be there. */
  wake(): void {
    this.wakeWaiter?.();
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.page = [];
      this.wake();
      this.onClose(this);
    }
    return Promise.resolve();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return {
      next: () => this.next(),
      return: async () => {
        await this.close();
        return { done: true, value: undefined };
      },
    };
  }

  private next(): Promise<IteratorResult<RecordedEvent>> {
    // Calls that overlap are served one after another, so two cannot take the same event.
    const result = this.pulls.then(() => this.pull());
    this.pulls = result.catch(() => undefined);
    return result;
  }

  private async pull(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.closed) return { done: true, value: undefined };
      if (this.index < this.page.length) {
        const event = this.page[this.index++];
        this.reported = event.position;
        return { done: false, value: event };
      }
      // The page is delivered: what it scanned past its last event can be told now.
      this.reportScanned();
      const page = this.readPage(this.cursor, PAGE_SIZE);
      this.cursor = page.scannedTo;
      this.page = page.events;
      this.index = 0;
      if (this.page.length === 0) {
        this.reportScanned();
        await this.changeOrPoll();
      }
    }
  }

  private reportScanned(): void {
    if (this.cursor <= this.reported) return;
    this.reported = this.cursor;
    this.onScanned(this.cursor);
  }

  private changeOrPoll(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeWaiter = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wakeWaiter = done;
    });
  }
}
