import { Decider, DomainEvent, EventMetadata } from '@deals/domain';
import { EventStore, RecordedEvent } from '@deals/event-store';

export interface AggregatedStream<S> extends FoldedStream<S> {
  /** The events read this time: all of them, or those after the cached fold. */
  readonly events: readonly RecordedEvent[];
}

/**
 * Reads a stream and folds it with a decider: from a cached fold plus the events after it, or
 * from the start. Every read-and-fold of the engine goes through here.
 */
export async function aggregateStream<S, E extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<S, never, E>, 'evolve' | 'initialState'>,
  cache?: StreamStateCache<S>,
): Promise<AggregatedStream<S>> {
  const empty: FoldedStream<S> = { revision: -1, position: 0, state: decider.initialState(), commands: new Map() };
  const from = cache?.get(streamId) ?? empty;
  const events = await store.readStream(streamId, { fromRevision: from.revision + 1 });
  const folded = extendFolded(from, events, (state, e) => decider.evolve(state, toDomainEvent(e) as E));
  cache?.set(streamId, folded);
  return { ...folded, events };
}

/** A stored event as a decider's evolve takes it. */
export function toDomainEvent(e: RecordedEvent): DomainEvent {
  return { type: e.type, data: e.data as Readonly<unknown>, metadata: e.metadata as unknown as EventMetadata };
}

/** What an idempotent replay needs of an earlier command's events. */
export interface EventOfCommand {
  readonly eventId: string;
  readonly type: string;
  readonly revision: number;
  readonly position: number;
  readonly requestHash: unknown;
}

/** A stream folded up to `revision`: the state, its head position and its events by command id. */
export interface FoldedStream<S> {
  readonly revision: number;
  readonly position: number;
  readonly state: S;
  readonly commands: ReadonlyMap<string, readonly EventOfCommand[]>;
}

/**
 * Folded state of recently used streams, for one stream family and one decider. An entry is
 * a starting point, never the answer: the command path still reads every event after its
 * revision, so writes by other processes are seen. Least recently used entries are dropped.
 */
export class StreamStateCache<S = unknown> {
  private readonly entries = new Map<string, FoldedStream<S>>();

  constructor(readonly capacity = 1024) {}

  get size(): number {
    return this.entries.size;
  }

  get(streamId: string): FoldedStream<S> | undefined {
    const entry = this.entries.get(streamId);
    if (entry) {
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
    }
    return entry;
  }

  /** Keeps the entry unless a later revision of the stream is already cached. */
  set(streamId: string, entry: FoldedStream<S>): void {
    const cached = this.entries.get(streamId);
    if (cached && cached.revision > entry.revision) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The folded stream after `events` (the events that follow `from`, in order). */
export function extendFolded<S>(
  from: FoldedStream<S>,
  events: readonly RecordedEvent[],
  evolve: (state: S, event: RecordedEvent) => S,
): FoldedStream<S> {
  if (events.length === 0) return from;
  const commands = new Map(from.commands);
  let state = from.state;
  for (const e of events) {
    state = evolve(state, e);
    const commandId = e.metadata.commandId;
    if (typeof commandId === 'string') {
      const of: EventOfCommand = { eventId: e.eventId, type: e.type, revision: e.revision, position: e.position, requestHash: e.metadata.requestHash };
      commands.set(commandId, [...(commands.get(commandId) ?? []), of]);
    }
  }
  const last = events[events.length - 1];
  return { revision: last.revision, position: last.position, state, commands };
}
