import { FactRef, parseInstant } from '@deals/domain';
import { RecordedEvent } from '@deals/event-store';

/** A commission event whose stored form cannot be read: the runner dead-letters it instead of guessing. */
export class MalformedCommissionEventError extends Error {
  constructor(event: RecordedEvent, problem: string) {
    super(`${event.type} at position ${event.position} (${event.streamId}) is malformed: ${problem}`);
    this.name = 'MalformedCommissionEventError';
  }
}

/** The time as `toISOString()` writes it, or undefined when it is not one. */
export const utc = (value: unknown): string | undefined => {
  try {
    return new Date(parseInstant(value)).toISOString();
  } catch {
    return undefined;
  }
};

/** The event as a fact's source: id, position, both times (UTC) and who did it. */
export function factRef(event: RecordedEvent): FactRef {
  const recordedAt = utc(event.metadata?.recordedAt);
  if (recordedAt === undefined) throw new MalformedCommissionEventError(event, 'recordedAt is not a valid time');
  const occurredAt = utc(event.metadata?.occurredAt) ?? recordedAt;
  const actor = event.metadata?.actor as { id?: unknown } | undefined;
  const approval = approvalOf(event.data);
  return {
    eventId: event.eventId, position: event.position, type: event.type, streamId: event.streamId, occurredAt, recordedAt,
    ...(typeof actor?.id === 'string' ? { actorId: actor.id } : {}),
    ...(approval === undefined ? {} : { approval }),
  };
}

/** The approval an approved change carries: whose proposal, who approved. */
function approvalOf(data: unknown): FactRef['approval'] {
  const approval = (data as { approval?: Record<string, unknown> } | null)?.approval;
  const { proposalId, proposedBy, approvedBy } = approval ?? {};
  return typeof proposalId === 'string' && typeof proposedBy === 'string' && typeof approvedBy === 'string'
    ? { proposalId, proposedBy, approvedBy } : undefined;
}

export type Data = Readonly<Record<string, unknown>>;

/** The event's data as an object, or MalformedCommissionEventError. */
export function dataOf(event: RecordedEvent): Data {
  if (typeof event.data !== 'object' || event.data === null) throw new MalformedCommissionEventError(event, 'data is not an object');
  return event.data as Data;
}

export const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
export const minor = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;

/** Throws naming every missing field; returns the values otherwise. */
export function required<T extends Record<string, unknown>>(event: RecordedEvent, fields: T, at = ''): { [K in keyof T]: Exclude<T[K], undefined> } {
  const missing = Object.entries(fields).filter(([, value]) => value === undefined).map(([key]) => `${at}${key}`);
  if (missing.length > 0) throw new MalformedCommissionEventError(event, `missing or invalid ${missing.join(', ')}`);
  return fields as { [K in keyof T]: Exclude<T[K], undefined> };
}
