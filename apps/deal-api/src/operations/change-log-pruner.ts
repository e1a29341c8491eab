import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LiveSubscribers } from '../projections/live/live-subscribers';
import { ProjectionHost } from '../projections/projection-host';

const HOUR_MS = 3_600_000;

/**
 * Prunes the live feed's change log (CHANGE_LOG_RETENTION_HOURS): every few minutes it notes the
 * newest change id, and deletes the changes that were already logged a retention period ago —
 * never one an open feed has not been sent yet. The notes are kept in memory, so after a restart
 * nothing is pruned until the process has run for one retention period.
 */
@Injectable()
export class ChangeLogPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly marks: { at: number; changeId: number }[] = [];
  private timer?: NodeJS.Timeout;
  private readonly logger = new Logger('ChangeLog');

  constructor(
    private readonly runner: ProjectionHost,
    private readonly live: LiveSubscribers,
    private readonly retentionHours?: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.retentionHours === undefined) return;
    const every = Math.min(10 * 60_000, (this.retentionHours * HOUR_MS) / 6);
    this.mark();
    this.timer = setInterval(() => void this.prune().catch((error: Error) => this.logger.warn(`pruning the change log failed: ${error.message}`)), every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Notes the newest change id now. */
  mark(now = Date.now()): void {
    this.marks.push({ at: now, changeId: this.runner.lastChangeId() });
  }

  /** Deletes what was logged a retention period before `now` and no open feed still needs; returns how many. */
  async prune(now = Date.now()): Promise<number> {
    if (this.retentionHours === undefined) return 0;
    this.mark(now);
    const cutoff = now - this.retentionHours * HOUR_MS;
    let through = 0;
    while (this.marks.length > 1 && this.marks[0].at <= cutoff) through = this.marks.shift()!.changeId;
    for (const feed of this.live.list()) through = Math.min(through, feed.subscriber.sentThrough);
    if (through <= 0) return 0;
    const pruned = await this.runner.pruneChangesThrough(through);
    if (pruned > 0) this.logger.log(`pruned ${pruned} change-log entries through change ${through}`);
    return pruned;
  }
}
