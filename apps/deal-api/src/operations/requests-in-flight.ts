import { Injectable } from '@nestjs/common';

/** Requests the server has received and not yet answered (a shutdown waits for them). */
@Injectable()
export class RequestsInFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.count;
  }

  started(): void {
    this.count++;
  }

  ended(): void {
    this.count--;
    if (this.count === 0) for (const done of this.waiters.splice(0)) done();
  }

  /** Resolves true once none is in flight, false after `timeoutMs`. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
