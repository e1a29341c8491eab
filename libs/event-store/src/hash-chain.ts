import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { RecordedEvent } from './event-store.port';

/** The prevHash of revision 0. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers. Not the position: it differs between stores holding the same stream. */
export type HashedEventFields = Pick<
  RecordedEvent,
  'streamId' | 'revision' | 'eventId' | 'type' | 'schemaVersion' | 'data' | 'metadata'
>;

export type ChainVerification = { ok: true } | { ok: false; revision: number; eventId: string; reason: string };

/** sha256 hex of prevHash + the RFC 8785 (JCS) form, so any store or language can recompute it. */
export function computeEventHash(prevHash: string, event: HashedEventFields): string {
  const { streamId, revision, eventId, type, schemaVersion, data, metadata } = event;
  // Built in key order, so only the event's own data and metadata may need sorting.
  const canonical = canonicalJson({ data, eventId, metadata, revision, schemaVersion, streamId, type });
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/**
 * Checks one stream's events read forwards. A slice that starts after revision 0 is checked
 * from its first event on (that event's prevHash cannot be checked without its predecessor).
 */
export function verifyChain(events: readonly RecordedEvent[]): ChainVerification {
  let previous: RecordedEvent | undefined;
  for (const event of events) {
    const fail = (reason: string): ChainVerification => ({ ok: false, revision: event.revision, eventId: event.eventId, reason });
    if (previous) {
      if (event.streamId !== previous.streamId) return fail(`stream ${event.streamId} follows stream ${previous.streamId}`);
      if (event.revision !== previous.revision + 1) return fail(`revision ${event.revision} follows ${previous.revision}`);
      if (event.prevHash !== previous.hash) return fail('prevHash does not match the previous event hash');
    } else if (event.revision === 0 && event.prevHash !== GENESIS_HASH) {
      return fail('prevHash of revision 0 is not the genesis hash');
    }
    if (computeEventHash(event.prevHash, event) !== event.hash) return fail('hash does not match the event content');
    previous = event;
  }
  return { ok: true };
}
