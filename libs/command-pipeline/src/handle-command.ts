import { Command, Decider, DomainEvent, EventMetadata } from '@deals/domain';
import { EventStore, RecordedEvent, WrongExpectedRevisionError } from '@deals/event-store';
import { derivedUuid } from './command-ids';
import { EventOfCommand, extendFolded, FoldedStream, StreamStateCache } from './stream-state-cache';
import {
  ConcurrencyExhaustedError,
  IdempotencyKeyReusedError,
  RevisionMismatchError,
} from './command-pipeline.errors';

export const SCHEMA_VERSION = 1;

export interface CommandOptions {
  /** The stream revision the caller last saw (If-Match): a mismatch fails instead of retrying. */
  readonly expectedRevision?: number;
  /** Set when the caller sent an Idempotency-Key; the command id is derived from it. */
  readonly idempotencyKey?: string;
  /** Identifies the request's content, to tell a retry from a reused key. */
  readonly requestHash: string;
  readonly maxAttempts?: number;
  /** Folded streams of this decider kept between commands; only the events after the cached revision are read. */
  readonly cache?: StreamStateCache;
}

export interface CommandResult {
  readonly streamId: string;
  /** The stream's revision after the command (-1 if the stream is still empty). */
  readonly revision: number;
  /** Global position of the last event written (or of the stream's head on a replay). */
  readonly position: number;
  readonly events: readonly { eventId: string; type: string; revision: number }[];
  /** True when this is the stored result of an earlier identical request. */
  readonly replayed: boolean;
}

/**
 * The one command path: read the stream, fold it, decide, append with the expected revision.
 * Idempotent retries are answered from the stream itself; conflicts are retried (bounded)
 * unless the caller pinned a revision.
 */
export async function handleCommand<S, C extends Command, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<S, C, E>,
  streamId: string,
  command: C,
  options: CommandOptions,
): Promise<CommandResult> {
  const maxAttempts = options.expectedRevision === undefined ? (options.maxAttempts ?? 5) : 1;
  for (let attempt = 1; ; attempt++) {
    const folded = await load(store, decider, streamId, options.cache as StreamStateCache<S> | undefined);
    const earlier = options.idempotencyKey ? (folded.commands.get(command.metadata.commandId) ?? []) : [];
    if (earlier.length > 0) return replay(streamId, earlier, options);

    const currentRevision = folded.revision;
    if (options.expectedRevision !== undefined && options.expectedRevision !== currentRevision) {
      throw new RevisionMismatchError(streamId, options.expectedRevision, currentRevision);
    }
    const decided = decider.decide(command, folded.state);
    if (decided.length === 0) {
      return { streamId, revision: currentRevision, position: folded.position, events: [], replayed: false };
    }
    const metadata = metadataFor(command, options.requestHash);
    try {
      const result = await store.append(
        streamId,
        decided.map((e, i) => ({
          eventId: derivedUuid('event', command.metadata.commandId, String(i)),
          type: e.type,
          schemaVersion: SCHEMA_VERSION,
          data: e.data,
          metadata: { ...metadata },
        })),
        { expectedRevision: currentRevision < 0 ? 'no_stream' : currentRevision },
      );
      const first = result.nextExpectedRevision - decided.length + 1;
      return {
        streamId,
        revision: result.nextExpectedRevision,
        position: result.position,
        events: decided.map((e, i) => ({
          eventId: derivedUuid('event', command.metadata.commandId, String(i)),
          type: e.type,
          revision: first + i,
        })),
        replayed: false,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (options.expectedRevision !== undefined) {
        throw new RevisionMismatchError(streamId, options.expectedRevision, numericRevision(error.actual));
      }
      if (attempt >= maxAttempts) throw new ConcurrencyExhaustedError(streamId, attempt);
    }
  }
}

function metadataFor(command: Command, requestHash: string): EventMetadata {
  const m = command.metadata;
  return {
    actor: { id: m.actor.id, roles: [...m.actor.roles] },
    commandId: m.commandId,
    correlationId: m.correlationId ?? m.commandId,
    causationId: m.causationId ?? m.commandId,
    occurredAt: m.occurredAt ?? m.now,
    requestHash,
  };
}

/** The stream folded to its head: from the cached fold plus the events after it, or from the start. */
async function load<S, C extends Command, E extends DomainEvent>(
  store: EventStore, decider: Decider<S, C, E>, streamId: string, cache: StreamStateCache<S> | undefined,
): Promise<FoldedStream<S>> {
  const empty: FoldedStream<S> = { revision: -1, position: 0, state: decider.initialState(), commands: new Map() };
  const from = cache?.get(streamId) ?? empty;
  const events = await store.readStream(streamId, { fromRevision: from.revision + 1 });
  const folded = extendFolded(from, events, (state, e) => decider.evolve(state, toDomainEvent(e) as E));
  cache?.set(streamId, folded);
  return folded;
}

function replay(streamId: string, earlier: readonly EventOfCommand[], options: CommandOptions): CommandResult {
  if (earlier[0].requestHash !== options.requestHash) {
    throw new IdempotencyKeyReusedError(options.idempotencyKey ?? '');
  }
  const last = earlier[earlier.length - 1];
  return {
    streamId,
    revision: last.revision,
    position: last.position,
    events: earlier.map((e) => ({ eventId: e.eventId, type: e.type, revision: e.revision })),
    replayed: true,
  };
}

export function toDomainEvent(e: RecordedEvent): DomainEvent {
  return { type: e.type, data: e.data as Readonly<unknown>, metadata: e.metadata as unknown as EventMetadata };
}

function numericRevision(actual: number | 'no_stream'): number {
  return actual === 'no_stream' ? -1 : actual;
}
