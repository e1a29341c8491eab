import { randomUUID } from 'node:crypto';
import { DealEvent } from '@deals/domain';
import { RecordedEvent } from '@deals/event-store';

interface Actor {
  readonly id: string;
  readonly roles: readonly string[];
}

/**
 * Builds RecordedEvents for projection tests, with global positions shared across deals:
 *   const log = new EventLog();
 *   log.deal('d1').by(ana).at('2026-01-05T09:00:00Z').add('DealOpened', {...});
 */
export class EventLog {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, number>();

  deal(dealId: string): DealStreamWriter {
    return new DealStreamWriter(this, `deal-${dealId}`);
  }

  push(streamId: string, type: string, data: unknown, actor: Actor, occurredAt: string, recordedAt: string): RecordedEvent {
    const revision = (this.revisions.get(streamId) ?? -1) + 1;
    this.revisions.set(streamId, revision);
    const e: RecordedEvent = {
      streamId,
      revision,
      position: this.events.length + 1,
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      data,
      metadata: {
        actor: { id: actor.id, roles: [...actor.roles] },
        commandId: randomUUID(),
        correlationId: randomUUID(),
        causationId: randomUUID(),
        occurredAt,
        recordedAt,
      },
      hash: '0'.repeat(64),
      prevHash: '0'.repeat(64),
    };
    this.events.push(e);
    return e;
  }
}

export class DealStreamWriter {
  private actor: Actor = { id: 'ana.ae', roles: ['rep'] };
  private occurredAt = '2026-01-01T00:00:00.000Z';
  private recordedAt?: string;

  constructor(private readonly log: EventLog, readonly streamId: string) {}

  by(actor: Actor): this {
    this.actor = actor;
    return this;
  }

  /** Business time of the next events; recorded time defaults to the same instant. */
  at(occurredAt: string, recordedAt?: string): this {
    this.occurredAt = new Date(occurredAt).toISOString();
    this.recordedAt = recordedAt === undefined ? undefined : new Date(recordedAt).toISOString();
    return this;
  }

  add<T extends DealEvent['type']>(type: T, data: Extract<DealEvent, { type: T }>['data']): this {
    this.log.push(this.streamId, type, data, this.actor, this.occurredAt, this.recordedAt ?? this.occurredAt);
    return this;
  }
}
