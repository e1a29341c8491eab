import { Command, Decider, DomainEvent, EventMetadata } from '@deals/domain';
import { EventStore, RecordedEvent, WrongExpectedRevisionError } from '@deals/event-store';
import { derivedUuid } from './command-ids';
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
    const history = await store.readStream(streamId);
    const earlier = options.idempotencyKey ? eventsOfCommand(history, command.metadata.commandId) : [];
    if (earlier.length > 0) return replay(streamId, earlier, options);

    const currentRevision = history.length - 1;
    if (options.expectedRevision !== undefined && options.expectedRevision !== currentRevision) {
      throw new RevisionMismatchError(streamId, options.expectedRevision, currentRevision);
    }
    const state = history.reduce((s, e) => decider.evolve(s, toDomainEvent(e) as E), decider.initialState());
    const decided = decider.decide(command, state);
    if (decided.length === 0) {
      return { streamId, revision: currentRevision, position: history.at(-1)?.position ?? 0, events: [], replayed: false };
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

function eventsOfCommand(history: readonly RecordedEvent[], commandId: string): RecordedEvent[] {
  return history.filter((e) => e.metadata.commandId === commandId);
}

function replay(streamId: string, earlier: RecordedEvent[], options: CommandOptions): CommandResult {
  if (earlier[0].metadata.requestHash !== options.requestHash) {
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
