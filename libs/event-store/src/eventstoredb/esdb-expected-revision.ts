import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import type { AppendExpectedRevision, CurrentRevision, WrongExpectedVersionError } from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../event-store.errors';
import { ExpectedRevision } from '../event-store.port';

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

export function fromEsdbExpectedRevision(expected: AppendExpectedRevision): ExpectedRevision {
  switch (expected) {
    case ANY:
      return 'any';
    case NO_STREAM:
      return 'no_stream';
    case STREAM_EXISTS:
      return 'stream_exists';
    default:
      return fromEsdbRevision(expected);
  }
}

/** The server says -1 or no_stream for a stream that does not exist. */
export function fromEsdbCurrentRevision(current: CurrentRevision): number | 'no_stream' {
  if (current === NO_STREAM) return 'no_stream';
  const revision = fromEsdbRevision(current);
  return revision < 0 ? 'no_stream' : revision;
}

/** Stream revisions are 64-bit on the server; a stream of 2^53 events is not one this port can hold. */
export function fromEsdbRevision(revision: bigint): number {
  if (revision > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`Stream revision ${revision} is beyond 2^53`);
  return Number(revision);
}

/** The port's error for a server conflict, carrying the caller's expectation (not the revision the adapter sent). */
export function toWrongExpectedRevisionError(
  streamId: string,
  expected: ExpectedRevision,
  error: Pick<WrongExpectedVersionError, 'actualVersion'>,
): WrongExpectedRevisionError {
  return new WrongExpectedRevisionError(streamId, expected, fromEsdbCurrentRevision(error.actualVersion));
}
