import { DomainError } from '@deals/domain';

export class RevisionMismatchError extends DomainError {
  constructor(streamId: string, expected: number, actual: number) {
    super(
      'CONCURRENCY.REVISION_MISMATCH',
      'precondition',
      `${streamId} is at revision ${actual}, not ${expected}; reload it and retry with If-Match: "${actual}"`,
      { streamId, expectedRevision: expected, currentRevision: actual },
    );
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  constructor(key: string) {
    super(
      'IDEMPOTENCY.KEY_REUSED',
      'conflict',
      `Idempotency-Key "${key}" was already used for a different request; use a new key for a new command`,
      { idempotencyKey: key },
    );
  }
}

export class ConcurrencyExhaustedError extends DomainError {
  constructor(streamId: string, attempts: number) {
    super(
      'CONCURRENCY.RETRIES_EXHAUSTED',
      'conflict',
      `${streamId} kept changing under ${attempts} attempts; retry the command`,
      { streamId, attempts },
    );
  }
}
