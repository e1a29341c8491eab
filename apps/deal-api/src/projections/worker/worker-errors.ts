import { RecordedEvent, StoreUnavailableError } from '@deals/event-store';
import { describeError, ProjectionRebuildError } from '@deals/projections';
import { SerialisedError } from './worker-messages';

/** An error as it crosses the thread boundary: the kinds the HTTP error filter maps keep their class. */
export function serialiseError(error: unknown): SerialisedError {
  if (error instanceof ProjectionRebuildError) {
    const { position, eventId, type, streamId } = error.event;
    return { kind: 'rebuild', projection: error.projection, reason: error.reason, event: { position, eventId, type, streamId } };
  }
  if (error instanceof StoreUnavailableError) return { kind: 'store', message: error.message };
  return { kind: 'other', message: describeError(error) };
}

export function reviveError(error: SerialisedError): Error {
  switch (error.kind) {
    case 'rebuild':
      return new ProjectionRebuildError(error.projection, error.event as unknown as RecordedEvent, error.reason);
    case 'store':
      return new StoreUnavailableError(error.message);
    default:
      return new Error(error.message);
  }
}
