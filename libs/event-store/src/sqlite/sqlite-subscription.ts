import { ReadAllResult, RecordedEvent, StoreSubscription } from '../event-store.port';

/** One page of matching events after `after`, and how far the scan got (past filtered-out rows too). */
export type PageReader = (after: number, limit: number) => ReadAllResult;

const PAGE_SIZE = 256;

/**
 * A catch-up subscription that pulls: it reads a page only when its consumer asks for more,
 * so a slow consumer holds at most one page and never holds up appends. When caught up it
 * waits for a wake-up (an in-process commit) or the poll interval (commits by other processes).
 * Delivery follows a position cursor, so nothing is delivered twice or out of order.
 */
export class SqliteSubscription implements StoreSubscription {
  private page: readonly RecordedEvent[] = [];
  private index = 0;
  private closed = false;
  private wakeWaiter: (() => void) | undefined;
  private pulls: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly readPage: PageReader,
    private cursor: number,
    private readonly pollIntervalMs: number,
    private readonly onClose: (subscription: SqliteSubscription) => void,
  ) {}

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
      if (this.index < this.page.length) return { done: false, value: this.page[this.index++] };
      const page = this.readPage(this.cursor, PAGE_SIZE);
      this.cursor = page.scannedTo;
      this.page = page.events;
      this.index = 0;
      if (this.page.length === 0) await this.changeOrPoll();
    }
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
