import { createHash } from 'node:crypto';
import { Command, Decider, DomainEvent, EventMetadata } from '@deals/domain';
import { canonicalJson, EventStore, NO_STREAM, WrongExpectedRevisionError } from '@deals/event-store';
import { aggregateStream, EventOfCommand, StreamStateCache } from './aggregate-stream';
import { derivedUuid } from './command-ids';
import {
  ConcurrencyExhaustedError,
  IdempotencyKeyReusedError,
  RevisionMismatchError,
} from './command-pipeline.errors';

/** The version of the event payloads the deciders write (not the store's table layout). */
export const EVENT_SCHEMA_VERSION = 1;

export interface CommandOptions {
  /** The stream revision the caller last saw (If-Match): a mismatch fails instead of retrying. */
  readonly expectedRevision?: number;
  /** Set when the caller sent an Idempotency-Key; the command id is derived from it. */
  readonly idempotencyKey?: string;
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
 * Idempotent retries are answered from the stream itself (a retry is told from a reused key by
 * the request's hash); conflicts are retried (bounded) unless the caller pinned a revision.
 */
export async function handleCommand<S, C extends Command, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<S, C, E>,
  streamId: string,
  command: C,
  options: CommandOptions,
): Promise<CommandResult> {
  const maxAttempts = options.expectedRevision === undefined ? (options.maxAttempts ?? 5) : 1;
  const requestHash = requestHashOf(streamId, command);
  for (let attempt = 1; ; attempt++) {
    const folded = await aggregateStream(store, streamId, decider, options.cache as StreamStateCache<S> | undefined);
    const earlier = options.idempotencyKey ? (folded.commands.get(command.metadata.commandId) ?? []) : [];
    if (earlier.length > 0) return replay(streamId, earlier, requestHash, options);

    const currentRevision = folded.revision;
    if (options.expectedRevision !== undefined && options.expectedRevision !== currentRevision) {
      throw new RevisionMismatchError(streamId, options.expectedRevision, currentRevision);
    }
    const decided = decider.decide(command, folded.state);
    if (decided.length === 0) {
      return { streamId, revision: currentRevision, position: folded.position, events: [], replayed: false };
    }
    const metadata = eventMetadataFor(command, requestHash);
    const eventIds = decided.map((_, i) => derivedUuid('event', command.metadata.commandId, String(i)));
    try {
      const result = await store.append(
        streamId,
        decided.map((e, i) => ({ eventId: eventIds[i], type: e.type, schemaVersion: EVENT_SCHEMA_VERSION, data: e.data, metadata: { ...metadataOf(metadata, e) } })),
        { expectedRevision: currentRevision < 0 ? NO_STREAM : currentRevision },
      );
      const first = result.nextExpectedRevision - decided.length + 1;
      const events = decided.map((e, i) => ({ eventId: eventIds[i], type: e.type, revision: first + i }));
      return { streamId, revision: result.nextExpectedRevision, position: result.position, events, replayed: false };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (options.expectedRevision !== undefined) {
        throw new RevisionMismatchError(streamId, options.expectedRevision, numericRevision(error.actual));
      }
      if (attempt >= maxAttempts) throw new ConcurrencyExhaustedError(streamId, attempt);
    }
  }
}

/** An event's own business time and actor, when `decide` set them (an approved change keeps its proposer's). */
function metadataOf(metadata: EventMetadata, event: DomainEvent): EventMetadata {
  return {
    ...metadata,
    ...(event.occurredAt === undefined ? {} : { occurredAt: event.occurredAt }),
    ...(event.actor === undefined ? {} : { actor: { id: event.actor.id, roles: [...event.actor.roles] } }),
  };
}

/** The metadata every event of a command carries (the store adds recordedAt). */
export function eventMetadataFor(command: Command, requestHash: string): EventMetadata {
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

function replay(streamId: string, earlier: readonly EventOfCommand[], requestHash: string, options: CommandOptions): CommandResult {
  if (earlier[0].requestHash !== requestHash) {
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

function numericRevision(actual: number | 'no_stream'): number {
  return actual === 'no_stream' ? -1 : actual;
}

/**
 * What tells a retry from a reused idempotency key: the stream, the command type, its data and
 * its business time, serialised canonically (key order does not matter) and hashed.
 */
export function requestHashOf(streamId: string, command: Pick<Command, 'type' | 'data' | 'metadata'>): string {
  const content = canonicalJson({ data: command.data, occurredAt: command.metadata.occurredAt ?? null, streamId, type: command.type });
  return createHash('sha256').update(content).digest('hex');
}
