import { DomainEvent, EventMetadata } from '@deals/domain';
import { RecordedEvent } from '@deals/event-store';

/** A stored event as a decider's evolve takes it. */
export function toDomainEvent(e: RecordedEvent): DomainEvent {
  return { type: e.type, data: e.data as Readonly<unknown>, metadata: e.metadata as unknown as EventMetadata };
}
