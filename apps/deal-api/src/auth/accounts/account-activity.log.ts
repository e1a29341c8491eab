import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccountActivityEvent, accountActivityStreamId } from '@deals/domain';
import { ANY, EVENT_STORE, EventStore } from '@deals/event-store';

export type AccountActivity = AccountActivityEvent['data'];

/**
 * The audit of sign-ins, failures, lockouts, sign-outs, links issued and passwords set, as
 * AccountActivity events in the day's `account-activity-<yyyy-mm-dd>` stream. A record that
 * cannot be written is logged (kind and user, never a secret) and does not fail the request.
 */
@Injectable()
export class AccountActivityLog {
  private readonly logger = new Logger('AccountActivity');

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async record(activity: AccountActivity): Promise<void> {
    const at = new Date().toISOString();
    const data = Object.fromEntries(Object.entries(activity).filter(([, value]) => value !== undefined));
    try {
      await this.store.append(accountActivityStreamId(at), [{
        eventId: randomUUID(), type: 'AccountActivity', data,
        metadata: { actor: { id: activity.actorId, roles: [] }, occurredAt: at },
      }], { expectedRevision: ANY });
    } catch (failure) {
      this.logger.error(`Could not record ${activity.kind} of ${activity.userId}: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  }

  /** What was recorded from `sinceMs` on, oldest first, with when (ms since the epoch). */
  async since(sinceMs: number, nowMs: number): Promise<{ at: number; activity: AccountActivity }[]> {
    const found: { at: number; activity: AccountActivity }[] = [];
    for (let day = Date.UTC(...utcDay(sinceMs)); day <= nowMs; day += 86_400_000) {
      for (const event of await this.store.readStream(accountActivityStreamId(new Date(day).toISOString()))) {
        const at = Date.parse(String(event.metadata.occurredAt ?? event.metadata.recordedAt));
        if (at >= sinceMs) found.push({ at, activity: event.data as AccountActivity });
      }
    }
    return found;
  }
}

const utcDay = (ms: number): [number, number, number] => {
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
};
