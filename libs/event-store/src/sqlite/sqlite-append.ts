import { AppendResult, ExpectedRevision } from '../event-store.port';
import { ValidEvent } from '../append-validation';
import { checkExpectedRevision } from '../expected-revision';
import { GENESIS_HASH, computeEventHash } from '../hash-chain';
import { findIdempotentResult } from '../idempotency';
import { Statements } from './sqlite-statements';

export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly ValidEvent[];
  readonly expectedRevision: ExpectedRevision;
}

/** One append inside the batch transaction. Throws (and writes nothing) when it must fail. */
export function writeAppend(statements: Statements, request: AppendRequest, recordedAt: string): AppendResult {
  const { streamId, events, expectedRevision } = request;
  // Idempotency before the revision check: a retry carries the expectation of its first attempt.
  const stored = events.map((e) => statements.findEvent.get(e.eventId));
  const original = findIdempotentResult(streamId, events.map((e) => e.eventId), stored);
  if (original) return original;

  const head = statements.streamHead.get(streamId);
  const current = head?.revision ?? -1;
  checkExpectedRevision(streamId, expectedRevision, current);
  if (events.length === 0) return { nextExpectedRevision: current, position: head?.position ?? 0 };

  let prevHash = head?.hash ?? GENESIS_HASH;
  let position = 0;
  events.forEach((event, i) => {
    const revision = current + 1 + i;
    const metadata = { ...event.metadata, recordedAt };
    const hash = computeEventHash(prevHash, { ...event, streamId, revision, metadata });
    const inserted = statements.insert.run({
      streamId,
      revision,
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.dataJson,
      metadata: JSON.stringify(metadata),
      recordedAt,
      hash,
      prevHash,
    });
    position = Number(inserted.lastInsertRowid);
    prevHash = hash;
  });
  return { nextExpectedRevision: current + events.length, position };
}
