import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { validateAppend } from '../append-validation';
import type { ValidEvent } from '../append-validation';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  RecordedEvent,
  StoreSubscription,
  SubscribeOptions,
} from '../event-store.port';
import { checkExpectedRevision } from '../expected-revision';
import { findIdempotentResult } from '../idempotency';
import { stampRecordedAt } from '../recorded-at';
import { BackoffOptions, backoffDelay, sleep } from '../backoff';
import { AllPageReader, readAllFiltered } from './esdb-all-reader';
import { ResolvedEventLike, assertStorable, fromResolvedEvent, positionOf, toEventData } from './esdb-event-envelope';
import { fromEsdbRevision, toEsdbExpectedRevision, toWrongExpectedRevisionError } from './esdb-expected-revision';
import { matchesFilter, toServerFilter } from './esdb-filter';
import { DEFAULT_IDEMPOTENCY_WINDOW, IdLookup, idLookupFor, locateIds } from './esdb-idempotency';
import { fromPortPosition, toPortPosition } from './esdb-position';
import { EsdbSubscription, Start } from './esdb-subscription';
import { ForeignEventError, toStoreError } from './esdb.errors';

export interface EsdbEventStoreOptions {
  /** How many of a stream's last events an append with `any`/`stream_exists` searches for its ids. Default 1,000. */
  readonly idempotencyWindow?: number;
  /** How often an append with `any`/`stream_exists` retries when another writer got in first. Default 50. */
  readonly maxConflictRetries?: number;
  /** The delays between resubscriptions after a subscription drops. Default 100 ms doubling up to 10 s. */
  readonly resubscribeBackoff?: BackoffOptions;
  /** The clock for recordedAt; for tests. */
  readonly now?: () => Date;
}

/**
 * An append with an exact revision or no_stream reads the stream again after a conflict, to tell
 * a concurrent retry of itself (idempotent) from a real conflict, which the re-read then reports
 * with the actual revision.
 */
const EXACT_CONFLICT_RETRIES = 2;
const CONFLICT_BACKOFF: BackoffOptions = { initialMs: 2, maxMs: 100 };

type Readable<E> = AsyncIterable<E> & { destroy(error?: Error): unknown };
type Head = RecordedEvent | undefined;

/**
 * The EventStore port on EventStoreDB / KurrentDB (gRPC client 6.x, server 22.6 or later).
 *
 * The server keeps streams, revisions, expected-state checks and $all; the adapter adds what the
 * port promises beyond that. Every append reads the stream's last event, chains the new events'
 * hashes onto it and appends with exactly that revision, so two writers cannot fork the chain;
 * `any` and `stream_exists` are checked against what was read and retried on a conflict. The
 * hash, prevHash and schemaVersion travel in the event's metadata under `$chain`, and reads strip
 * them off again. Connection settings, keep-alive included, come from the connection string, e.g.
 * `esdb://localhost:2113?tls=false&keepAliveInterval=10000&keepAliveTimeout=10000`.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly idempotencyWindow: number;
  private readonly maxConflictRetries: number;
  private readonly resubscribeBackoff: BackoffOptions;
  private readonly now: () => Date;
  private readonly subscriptions = new Set<EsdbSubscription>();
  private readonly reads = new Set<Readable<unknown>>();
  /** The latest recordedAt this store stamped: stamps never go back for one writer. */
  private lastRecordedAt: string | undefined;
  private closed = false;

  /** From a connection string, or from a client, which the store then owns and disposes on close(). */
  constructor(connection: string | EventStoreDBClient, options: EsdbEventStoreOptions = {}) {
    this.client = typeof connection === 'string' ? EventStoreDBClient.connectionString(connection) : connection;
    this.idempotencyWindow = positiveInteger('idempotencyWindow', options.idempotencyWindow ?? DEFAULT_IDEMPOTENCY_WINDOW);
    this.maxConflictRetries = positiveInteger('maxConflictRetries', options.maxConflictRetries ?? 50);
    this.resubscribeBackoff = options.resubscribeBackoff ?? { initialMs: 100, maxMs: 10_000 };
    this.now = options.now ?? (() => new Date());
  }

  async append(streamId: string, events: readonly EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    this.ensureOpen();
    const expectedRevision = options.expectedRevision ?? 'any';
    const valid = validateAppend(streamId, events, expectedRevision);
    assertStorable(streamId, valid);
    const ids = valid.map((e) => e.eventId);
    const lookup = valid.length > 0 ? idLookupFor(expectedRevision, valid.length, this.idempotencyWindow) : undefined;
    const exact = typeof expectedRevision === 'number' || expectedRevision === 'no_stream';
    const retries = exact ? EXACT_CONFLICT_RETRIES : this.maxConflictRetries;
    for (let attempt = 0; ; attempt++) {
      const { head, candidates } = await this.inspect(streamId, lookup);
      // Idempotency before the revision check: a retry carries the expectation of its first attempt.
      const original = findIdempotentResult(streamId, ids, locateIds(ids, candidates));
      if (original) return original;
      const current = head?.revision ?? -1;
      checkExpectedRevision(streamId, expectedRevision, current);
      if (valid.length === 0) return { nextExpectedRevision: current, position: head?.position ?? 0 };

      const outcome = await this.write(streamId, valid, head);
      if ('result' in outcome) return outcome.result;
      // Someone appended between the read and the write. Read again: it may have been this very
      // append (a concurrent retry), the expectation may now fail, or (any) simply try again.
      if (attempt >= retries) throw await this.conflictError(streamId, expectedRevision, outcome.conflict);
      await sleep(backoffDelay(attempt, CONFLICT_BACKOFF));
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.ensureOpen();
    const maxCount = maxCountOf(options.maxCount);
    if (maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision === undefined ? (backwards ? END : START) : BigInt(revisionOf(options.fromRevision));
    let resolved: ResolvedEventLike[];
    try {
      resolved = await this.collect(
        this.client.readStream(streamId, { direction: backwards ? BACKWARDS : FORWARDS, fromRevision: from, maxCount }),
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw toStoreError(error, `reading ${streamId}`);
    }
    return resolved.map((r) => {
      const event = fromResolvedEvent(r);
      if (!event) throw new ForeignEventError(streamId, r.event?.id);
      return event;
    });
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    this.ensureOpen();
    const { direction = 'forwards', after, filter } = options;
    return readAllFiltered(this.readAllPage, { direction, after, maxCount: maxCountOf(options.maxCount), filter });
  }

  async headPosition(): Promise<number> {
    const [last] = (await this.readAll({ direction: 'backwards', maxCount: 1 })).events;
    return last?.position ?? 0;
  }

  subscribeToAll(options: SubscribeOptions = {}): StoreSubscription {
    this.ensureOpen();
    const { fromPosition, filter, onScanned } = options;
    const start: Start | undefined = fromPosition === 'end' ? undefined : fromPosition ? fromPortPosition(fromPosition) : 'start';
    // The server's own checkpoints may name an event it has yet to send: to tell how far it has
    // looked, the subscription sees every event of the store's streams and filters them itself.
    const serverFilter = toServerFilter(onScanned ? undefined : filter);
    const subscription = new EsdbSubscription({
      start: () => (start === undefined ? this.lastRecordPosition() : Promise.resolve(start)),
      open: (from) => this.client.subscribeToAll({ fromPosition: from === 'start' ? START : from, filter: serverFilter }),
      accept: (resolved) => {
        const event = fromResolvedEvent(resolved);
        return event && matchesFilter(event, filter) ? event : undefined;
      },
      backoff: this.resubscribeBackoff,
      onClose: (s) => this.subscriptions.delete(s),
      onScanned,
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    // The client swallows the cancellation of its own streams, which would leave a read waiting forever.
    for (const read of this.reads) read.destroy(new StoreUnavailableError('The event store was closed during a read'));
    await this.client.dispose();
  }

  /** The stream's last event and, when the append has events, those among which a retry would sit. */
  private async inspect(streamId: string, lookup: IdLookup | undefined): Promise<{ head: Head; candidates: RecordedEvent[] }> {
    if (lookup?.direction === 'backwards') {
      const candidates = await this.readStream(streamId, { direction: 'backwards', maxCount: lookup.maxCount });
      return { head: candidates[0], candidates };
    }
    const [last, candidates] = await Promise.all([
      this.readStream(streamId, { direction: 'backwards', maxCount: 1 }),
      lookup ? this.readStream(streamId, { fromRevision: lookup.fromRevision, maxCount: lookup.maxCount }) : [],
    ]);
    return { head: last[0], candidates };
  }

  /** Appends after exactly `head`, so the chain cannot fork. A conflict is returned, not thrown. */
  private async write(
    streamId: string,
    events: readonly ValidEvent[],
    head: Head,
  ): Promise<{ result: AppendResult } | { conflict: WrongExpectedVersionError | undefined }> {
    const recordedAt = stampRecordedAt(this.now(), latest(this.lastRecordedAt, head?.metadata.recordedAt));
    let written;
    try {
      written = await this.client.appendToStream(streamId, toEventData(streamId, events, head, recordedAt), {
        expectedRevision: toEsdbExpectedRevision(head ? head.revision : 'no_stream'),
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return { conflict: error };
      throw this.closed ? new StoreUnavailableError('The event store was closed during an append', error) : toStoreError(error, `appending to ${streamId}`);
    }
    // A client built with throwOnAppendFailure=false reports the conflict instead of throwing it.
    if (!written.success) return { conflict: undefined };
    this.lastRecordedAt = latest(this.lastRecordedAt, recordedAt);
    const nextExpectedRevision = fromEsdbRevision(written.nextExpectedRevision);
    // The server answers with the position of the last event written (or, for a write it found
    // already done, of the last event of that write).
    const position = written.position ? toPortPosition(written.position) : await this.positionAt(streamId, nextExpectedRevision);
    return { result: { nextExpectedRevision, position } };
  }

  private async conflictError(
    streamId: string,
    expected: ExpectedRevision,
    conflict: WrongExpectedVersionError | undefined,
  ): Promise<WrongExpectedRevisionError> {
    if (conflict) return toWrongExpectedRevisionError(streamId, expected, conflict);
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return new WrongExpectedRevisionError(streamId, expected, last ? last.revision : 'no_stream');
  }

  private async positionAt(streamId: string, revision: number): Promise<number> {
    const [event] = await this.readStream(streamId, { direction: 'backwards', fromRevision: revision, maxCount: 1 });
    if (!event) throw new Error(`Stream ${streamId}: revision ${revision} was just written but cannot be read`);
    return event.position;
  }

  private readonly readAllPage: AllPageReader = async (from, direction, maxCount) => {
    this.ensureOpen();
    const fromPosition = from === 'start' ? START : from === 'end' ? END : from;
    try {
      return await this.collect(this.client.readAll({ fromPosition, direction: direction === 'backwards' ? BACKWARDS : FORWARDS, maxCount }));
    } catch (error) {
      throw toStoreError(error, 'reading $all');
    }
  };

  /** Where a subscription from 'end' starts: after the last record in $all, whoever wrote it. */
  private async lastRecordPosition(): Promise<Start> {
    const [last] = await this.readAllPage('end', 'backwards', 1);
    return (last && positionOf(last)) ?? 'start';
  }

  private async collect<E>(read: Readable<E>): Promise<E[]> {
    this.reads.add(read);
    try {
      const items: E[] = [];
      for await (const item of read) items.push(item);
      return items;
    } finally {
      this.reads.delete(read);
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw new StoreUnavailableError('The event store is closed');
  }
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  return b !== undefined && b > a ? b : a;
}

function maxCountOf(maxCount: number | undefined): number | undefined {
  if (maxCount === undefined) return undefined;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) throw new RangeError(`maxCount must be an integer >= 0, got ${maxCount}`);
  return maxCount;
}

function revisionOf(revision: number): number {
  if (!Number.isSafeInteger(revision) || revision < 0) throw new RangeError(`fromRevision must be an integer >= 0, got ${revision}`);
  return revision;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be an integer >= 1, got ${value}`);
  return value;
}
