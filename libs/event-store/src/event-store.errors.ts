import { ExpectedRevision } from './event-store.port';

export class WrongExpectedRevisionError extends Error {
  readonly code = 'STORE.WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or 'no_stream'. */
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Some of the events' ids are already stored and some are not, or they sit elsewhere. */
export class IdempotencyConflictError extends Error {
  readonly code = 'STORE.IDEMPOTENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
    detail: string,
  ) {
    super(`Stream ${streamId}: ${detail}`);
    this.name = 'IdempotencyConflictError';
  }
}

/** The store cannot accept writes (read-only file, disk full, closed). */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE.UNAVAILABLE';
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

export class InvalidAppendError extends Error {
  readonly code = 'STORE.INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}
