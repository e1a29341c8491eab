import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { accessDenied, accessDenialStreamId, PermissionDeniedError } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';

/** A store that does not answer in time must not hold up the 403. */
const RECORD_TIMEOUT_MS = 2000;

/**
 * Records every denial as an AccessDenied event in the day's `access-denials-<yyyy-mm-dd>`
 * stream. A failure to record is logged (without tokens) and never replaces the 403.
 */
@Injectable()
export class AccessDenialRecorder {
  private readonly logger = new Logger('AccessDenials');

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async record(error: PermissionDeniedError): Promise<void> {
    const at = new Date().toISOString();
    const event = accessDenied(error.actor, error.denial);
    const append = this.store.append(
      accessDenialStreamId(at),
      [{ eventId: randomUUID(), type: event.type, data: event.data, metadata: { actor: { id: error.actor.id, roles: [...error.actor.roles] }, occurredAt: at } }],
      { expectedRevision: 'any' },
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${RECORD_TIMEOUT_MS} ms`)), RECORD_TIMEOUT_MS);
    });
    try {
      await Promise.race([append, timeout]);
    } catch (failure) {
      const why = failure instanceof Error ? failure.message : String(failure);
      this.logger.error(`Could not record the denial of ${error.denial.permission} on ${error.denial.resource} to ${error.actor.id}: ${why}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs `work`; a PermissionDeniedError it throws is recorded, then rethrown. */
  async recording<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof PermissionDeniedError) await this.record(error);
      throw error;
    }
  }
}
