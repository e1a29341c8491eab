import type { Position } from '@eventstore/db-client';

/** What servers before 22.6 report as the position of an event read from a stream: unknown. */
const UNKNOWN_COMMIT = 2n ** 64n - 1n;
const MAX_PORT_POSITION = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The port's position is the $all commit position as a number. Commit positions are byte
 * offsets in the transaction log, so a number is exact up to 2^53 bytes (8 PiB) of log.
 */
export function toPortPosition(position: Position): number {
  if (position.commit > MAX_PORT_POSITION) {
    throw new RangeError(`$all commit position ${position.commit} is beyond 2^53 and cannot be a JS number`);
  }
  return Number(position.commit);
}

/**
 * The server position for a port position. Events appended through the gRPC API (all this
 * adapter writes) have commit = prepare; only legacy TCP transactions share a commit position.
 */
export function fromPortPosition(position: number): Position {
  if (!Number.isSafeInteger(position) || position < 0) throw new RangeError(`A position must be an integer >= 0, got ${position}`);
  const at = BigInt(position);
  return { commit: at, prepare: at };
}

/** Orders positions as the server does: by commit, then by prepare. */
export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function isKnownPosition(position: Position | undefined): position is Position {
  return position !== undefined && position.commit >= 0n && position.commit < UNKNOWN_COMMIT;
}
