import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccessDeniedEvent, accessDenied, accessDenialStreamId, DenialTally, PermissionDeniedError } from '@deals/domain';
import { ANY, EVENT_STORE, EventStore } from '@deals/event-store';

/** A store that does not answer in time must not hold up the 403. */
const RECORD_TIMEOUT_MS = 2000;
/** How often the counts of minutes that are over are written. */
const FLUSH_EVERY_MS = 10_000;

/**
 * The one place refusals are recorded, as AccessDenied events in the day's
 * `access-denials-<yyyy-mm-dd>` stream: the first refusal of a permission to an actor in a minute
 * is appended before the 403 is sent, the others of that minute are counted and appended as one
 * event once the minute is over. A failure to record is logged (without tokens), never a 500.
 */
@Injectable()
export class AccessDenialLog implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('AccessDenials');
  private readonly tally = new DenialTally();
  private timer?: NodeJS.Timeout;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(false), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush(true);
  }

  async record(error: PermissionDeniedError): Promise<void> {
    const at = new Date().toISOString();
    if (this.tally.add(error.actor, error.denial, at) === 'counted') return;
    await this.append([accessDenied(error.actor, error.denial, at)], at);
  }

  /** Writes the counted refusals: of minutes that are over, or all of them (before a read, at shutdown). */
  async flush(everything: boolean): Promise<void> {
    const now = new Date().toISOString();
    const due = this.tally.due(now, everything);
    const byDay = new Map<string, AccessDeniedEvent[]>();
    for (const event of due) {
      const day = event.data.minute!.slice(0, 10);
      byDay.set(day, [...(byDay.get(day) ?? []), event]);
    }
    for (const events of byDay.values()) await this.append(events, `${events[0].data.minute}:00.000Z`);
  }

  private async append(events: readonly AccessDeniedEvent[], at: string): Promise<void> {
    const first = events[0].data;
    const append = this.store.append(
      accessDenialStreamId(at),
      events.map((event) => ({
        eventId: randomUUID(), type: event.type, data: event.data,
        metadata: { actor: { id: event.data.actorId, roles: [...event.data.roles] }, occurredAt: at },
      })),
      { expectedRevision: ANY },
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${RECORD_TIMEOUT_MS} ms`)), RECORD_TIMEOUT_MS);
    });
    try {
      await Promise.race([append, timeout]);
    } catch (failure) {
      const why = failure instanceof Error ? failure.message : String(failure);
      this.logger.error(`Could not record ${events.length} refusal record(s), the first of ${first.action} on ${first.resource} to ${first.actorId}: ${why}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
