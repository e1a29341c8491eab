import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  InvalidArgumentError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  UnsupportedError,
} from '@eventstore/db-client';
import { InvalidAppendError, StoreUnavailableError } from '../event-store.errors';

// gRPC status codes (the client's own dependency defines them; this package does not depend on it).
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/** An event in a stream this store reads, written by someone else: it has no hash chain, so it cannot be shown as the port's event. */
export class ForeignEventError extends Error {
  readonly code = 'STORE.FOREIGN_EVENT';
  constructor(
    readonly streamId: string,
    readonly eventId: string | undefined,
  ) {
    super(`Stream ${streamId}: event ${String(eventId)} was not written by this event store (no $chain metadata)`);
    this.name = 'ForeignEventError';
  }
}

/**
 * Conditions of the connection or the cluster, not of the request: the server is down or
 * unreachable, did not answer in time, is shutting down, or is no longer the leader. An append
 * that failed this way may or may not have been written; retrying it with the same event ids is
 * safe (idempotent).
 */
export function isUnavailableEsdbError(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError
  ) {
    return true;
  }
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  // Raw gRPC errors, and the client's own "Failed to discover after N attempts." for clusters.
  return code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED || /^Failed to discover/.test(error.message);
}

/** Maps connection failures to StoreUnavailableError (keeping the cause); an oversized append is the append's fault. */
export function toStoreError(error: unknown, doing: string): unknown {
  if (error instanceof StoreUnavailableError) return error;
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidAppendError(`${doing}: the events exceed the server's maximum append size of ${error.maxAppendSize} bytes`);
  }
  if (!isUnavailableEsdbError(error)) return error;
  return new StoreUnavailableError(`EventStoreDB unavailable while ${doing}: ${(error as Error).message}`, error);
}

/** A dropped subscription is retried unless retrying cannot help: no rights to read $all, or a request the server rejects. */
export function isPermanentSubscriptionError(error: unknown): boolean {
  return error instanceof AccessDeniedError || error instanceof InvalidArgumentError || error instanceof UnsupportedError;
}
