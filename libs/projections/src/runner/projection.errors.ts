import { RecordedEvent } from '@deals/event-store';

/** A projection threw on an event during a rebuild: the rebuild stops, the live read model stays. */
export class ProjectionRebuildError extends Error {
  readonly code = 'PROJECTION.REBUILD_FAILED';
  constructor(readonly projection: string, readonly event: RecordedEvent, readonly reason: string) {
    super(
      `Rebuild of projection "${projection}" stopped at position ${event.position} ` +
        `(event ${event.eventId}, ${event.type} in ${event.streamId}): ${reason}. ` +
        'The live read model is unchanged; fix the projection or the event and rebuild again.',
    );
    this.name = 'ProjectionRebuildError';
  }
}

export class UnknownProjectionError extends Error {
  readonly code = 'PROJECTION.UNKNOWN';
  constructor(readonly projection: string, readonly known: readonly string[]) {
    super(`No projection named "${projection}"; known: ${known.join(', ')}`);
    this.name = 'UnknownProjectionError';
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** A query over every document of a projection whose documents are folded from their streams when asked as of a past moment. */
export class AsOfScanError extends Error {
  readonly code = 'READ.AS_OF_SCAN';
  constructor(readonly projection: string) {
    super(
      `A query over every document of "${projection}" as of a past moment would fold every stream again; ` +
        'read its documents by key or key prefix instead',
    );
    this.name = 'AsOfScanError';
  }
}
