import { computeEventHash, GENESIS_HASH } from './hash-chain';
import { EventStore, RecordedEvent } from './event-store.port';

export interface BrokenLink {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly eventId: string;
  readonly reason: string;
}

export interface IntegrityReport {
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  /** The first broken link of each broken stream. */
  readonly brokenStreams: readonly BrokenLink[];
  /** Ranges of `$all` positions with no event, on stores whose positions have no gaps by design. */
  readonly missingPositions: readonly { readonly from: number; readonly to: number }[];
  readonly headPosition: number;
}

/**
 * Walks `$all` once and checks every stream's hash chain: each event's hash must match its
 * content, link to the previous event's hash, and follow its revision. On a store whose
 * positions are contiguous (the embedded store), a gap in `$all` reveals a deleted event too.
 */
export async function verifyIntegrity(
  store: EventStore,
  options: { contiguousPositions: boolean; pageSize?: number; onProgress?: (checked: number, position: number) => void },
): Promise<IntegrityReport> {
  const last = new Map<string, { revision: number; hash: string } | 'broken'>();
  const broken: BrokenLink[] = [];
  const missing: { from: number; to: number }[] = [];
  let checked = 0;
  let position = 0;
  for (;;) {
    const { events: page } = await store.readAll({ after: position, maxCount: options.pageSize ?? 2000 });
    for (const e of page) {
      if (options.contiguousPositions && e.position !== position + 1) missing.push({ from: position + 1, to: e.position - 1 });
      position = e.position;
      checked++;
      const previous = last.get(e.streamId);
      if (previous === 'broken') continue;
      const reason = linkProblem(previous, e);
      if (reason) {
        broken.push({ streamId: e.streamId, revision: e.revision, position: e.position, eventId: e.eventId, reason });
        last.set(e.streamId, 'broken');
      } else {
        last.set(e.streamId, { revision: e.revision, hash: e.hash });
      }
    }
    options.onProgress?.(checked, position);
    if (page.length === 0) break;
  }
  const head = await store.headPosition();
  if (options.contiguousPositions && head > position) missing.push({ from: position + 1, to: head });
  return {
    ok: broken.length === 0 && missing.length === 0,
    eventsChecked: checked,
    streamsChecked: last.size,
    brokenStreams: broken,
    missingPositions: missing,
    headPosition: head,
  };
}

function linkProblem(previous: { revision: number; hash: string } | undefined, e: RecordedEvent): string | undefined {
  const expectedRevision = previous ? previous.revision + 1 : 0;
  if (e.revision !== expectedRevision) return `revision ${e.revision} where ${expectedRevision} was expected (an event is missing)`;
  if (e.prevHash !== (previous ? previous.hash : GENESIS_HASH)) return 'prevHash does not match the previous event (an event was replaced or removed)';
  if (computeEventHash(e.prevHash, e) !== e.hash) return 'hash does not match the stored content (the event was edited)';
  return undefined;
}
