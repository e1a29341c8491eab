import { CheckpointedConsumer, ConsumerBatch, EventFilter, EventStore, RecordedEvent } from '@deals/event-store';
import { Subject } from 'rxjs';
import { Projection, ReadModel } from '../projection';
import { applyBatch } from './apply-batch';
import { answerAsOf } from './as-of-reader';
import { ConcurrencyLimit } from './concurrency-limit';
import { PositionWaiters } from './position-waiters';
import { DeadLetter, LoggedChange, ProjectionDatabase, rebuildName } from './projection-database';
import { keepsVersion } from './projection-versions';
import { describeError, UnknownProjectionError } from './projection.errors';
import { loggedChangesAfter } from './logged-change-fold';
import { rebuildReadModel, RebuildProgress } from './rebuild';
import { DEFAULT_REBUILD_CACHE, RebuildCache, RebuildCacheLimits } from './rebuild-cache';
import { StoredReadModel } from './stored-read-model';
import { unionFilter } from './union-filter';

export interface RunnerOptions {
  /** Most events per transaction. */
  readonly batchSize?: number;
  /** Wait before retrying after a failed batch (e.g. the disk is full); it doubles while failures go on, up to 10 s. */
  readonly retryDelayMs?: number;
  readonly log?: (message: string) => void;
  /** Called after each committed batch (progress reporting). */
  readonly onBatch?: (projection: string, position: number, events: number) => void;
  /** As-of queries answered at once; more wait their turn (each holds its documents in memory). */
  readonly asOfConcurrency?: number;
  /** What a rebuild holds in memory before writing documents out (default 5,000 documents, 16 MiB of their JSON). */
  readonly rebuildCache?: RebuildCacheLimits;
  /**
   * Streams the shared feed also reads, which no projection folds, for `beforeBatch`: e.g. the
   * pipeline streams, so a catalog of pipeline versions holds a version before a deal on it is folded.
   */
  readonly alsoRead?: EventFilter;
  /** Hears every event of each shared-feed batch, in order, before any projection folds the batch. */
  readonly beforeBatch?: (events: readonly RecordedEvent[]) => void;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly position: number;
  readonly headPosition: number;
  /** Positions in `$all` not yet read (0 when caught up). */
  readonly lag: number;
  readonly state: 'starting' | 'running' | 'rebuilding' | 'stopped';
  readonly deadLetters: number;
  readonly lastError?: string;
}

interface Slot {
  readonly projection: Projection<unknown>;
  /** A Map of every document, or the stored read model for `storage: 'stored'`. */
  docs: Map<string, unknown> | StoredReadModel<unknown>;
  position: number;
  /** The build of `docs`: their versions are complete up to `position`. */
  build: number;
  state: ProjectionStatus['state'];
  lastError?: string;
  /** Serialises rebuilds. */
  lock: Promise<unknown>;
  /** Set while the projection reads from its own checkpoint, being behind the shared feed. */
  catchUp?: CheckpointedConsumer;
}

/**
 * Runs projections. One consumer of `$all` (the shared feed, over the union of their filters)
 * reads each new event once and hands every batch to each projection in turn, which folds its
 * events and commits documents, change log and checkpoint in a transaction of its own, then
 * publishes the committed changes on `changes$` — so one projection's changes never wait for
 * another's batch to commit. A projection behind the feed (built anew, rebuilt, or failing)
 * catches up from its own checkpoint with a consumer of its own, then rejoins the feed.
 */
export class ProjectionRunner {
  readonly changes$ = new Subject<LoggedChange>();
  private readonly slots = new Map<string, Slot>();
  private readonly batchSize: number;
  private readonly retryDelayMs: number;
  private readonly log: (message: string) => void;
  private readonly onBatch?: RunnerOptions['onBatch'];
  private readonly alsoRead?: EventFilter;
  private readonly beforeBatch?: RunnerOptions['beforeBatch'];
  private readonly waiters = new PositionWaiters();
  private readonly asOfLimit: ConcurrencyLimit;
  private readonly rebuildCache: RebuildCacheLimits;
  private running = false;
  private feed?: CheckpointedConsumer;

  constructor(
    private readonly store: EventStore,
    private readonly db: ProjectionDatabase,
    projections: readonly Projection<unknown>[],
    options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.log = options.log ?? (() => undefined);
    this.onBatch = options.onBatch;
    this.alsoRead = options.alsoRead;
    this.beforeBatch = options.beforeBatch;
    this.asOfLimit = new ConcurrencyLimit(options.asOfConcurrency ?? 2);
    this.rebuildCache = options.rebuildCache ?? DEFAULT_REBUILD_CACHE;
    for (const projection of projections) {
      db.register(projection);
      this.slots.set(projection.name, { projection, docs: new Map(), position: 0, build: 0, state: 'stopped', lock: Promise.resolve() });
    }
  }

  get names(): string[] {
    return [...this.slots.keys()];
  }

  /** Loads stored read models (rebuilding those of another version) and starts following the store. */
  async start(): Promise<void> {
    this.running = true;
    for (const slot of this.slots.values()) {
      slot.state = 'starting';
      const { name, version } = slot.projection;
      const stored = this.db.state(name);
      if (stored && stored.version === version && stored.build !== null) {
        slot.docs = this.loaded(slot.projection);
        slot.position = stored.position;
        slot.build = stored.build;
      } else {
        // Built from zero by the live path, so one bad event is dead-lettered instead of stopping the start.
        const why = stored && stored.version === version ? 'kept without document versions' : `of version ${version} not stored`;
        this.log(`${name}: read model ${why}; building from position 0`);
        slot.build = this.db.versions.newBuild(name, version, { indexed: true });
        this.db.replaceAll(name, { version, position: 0, build: slot.build }, new Map());
        slot.docs = this.loaded(slot.projection);
        slot.position = 0;
      }
      slot.state = 'running';
    }
    // No rebuild runs yet: builds no state names were left by a crash (or by the builds replaced above).
    this.db.versions.dropUnnamed();
    this.db.deleteRebuildDocuments();
    // The feed starts where the projection furthest on is; those behind catch up first.
    const slots = [...this.slots.values()];
    const from = Math.max(0, ...slots.map((s) => s.position));
    const filter = unionFilter([...slots.map((s) => s.projection.filter), ...(this.alsoRead ? [this.alsoRead] : [])]);
    this.feed = this.consumer(from, filter, (batch) => this.applyFeed(batch), (error) => {
      const message = describeError(error);
      this.log(`projections: reading $all failed, starting again from the checkpoint: ${message}`);
      for (const slot of slots) if (!slot.catchUp) slot.lastError = message;
    });
    for (const slot of slots) if (slot.position < from) this.catchUp(slot);
  }

  async stop(): Promise<void> {
    this.running = false;
    const slots = [...this.slots.values()];
    await Promise.all([this.feed?.stop(), ...slots.map((s) => s.catchUp?.stop())]);
    for (const slot of slots) {
      slot.catchUp = undefined;
      slot.state = 'stopped';
    }
    this.changes$.complete();
  }

  readModel<D>(name: string): ReadModel<D> {
    return this.slot(name).docs as ReadModel<D>;
  }

  position(name: string): number {
    return this.slot(name).position;
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.store.headPosition();
    return [...this.slots.values()].map((s) => ({
      name: s.projection.name,
      version: s.projection.version,
      position: s.position,
      headPosition: head,
      lag: Math.max(0, head - s.position),
      state: s.state,
      deadLetters: this.db.deadLetters(s.projection.name).length,
      lastError: s.lastError,
    }));
  }

  deadLetters(name?: string): DeadLetter[] {
    if (name) this.slot(name);
    return this.db.deadLetters(name);
  }

  lastChangeId(): number {
    return this.db.lastChangeId();
  }

  /** Deletes the change log up to and including `changeId` (live feeds further behind re-read a snapshot); returns how many. */
  pruneChangesThrough(changeId: number): number {
    return this.db.pruneChanges(Math.max(0, this.db.lastChangeId() - changeId));
  }

  /** Logged changes after `changeId`, each with its document then (folded again from its stream where the log keeps none). */
  async changesAfter(changeId: number, names?: readonly string[], limit = 1000): Promise<LoggedChange[]> {
    return loggedChangesAfter(this.store, this.db, (name) => this.slot(name).projection, changeId, names, limit);
  }

  /** Read-your-writes: resolves true once every named projection has passed `position`, false on timeout. */
  waitForPosition(position: number, timeoutMs: number, names: readonly string[] = this.names): Promise<boolean> {
    const slots = names.map((n) => this.slot(n));
    return this.waiters.wait(() => slots.every((s) => s.position >= position), timeoutMs);
  }

  /**
   * Answers a pure query over the projection's documents as they were at `position` (every event
   * at or before it), from their kept versions and their streams; the cost follows the documents
   * the query reads. Waits up to `waitMs` for the projection to reach the position (its versions
   * go no further); `undefined` when it has not. The answer's position is the last event of the
   * projection at or before it, as a replay up to it reports.
   */
  async queryAsOf<D, R>(name: string, position: number, query: (docs: ReadModel<D>) => R, waitMs: number): Promise<{ result: R; position: number } | undefined> {
    const slot = this.slot(name);
    const projection = slot.projection as Projection<D>;
    if (!(await this.waitForPosition(position, waitMs, [name]))) return undefined;
    return this.asOfLimit.run(() =>
      answerAsOf({ store: this.store, db: this.db, projection, current: () => ({ docs: slot.docs as ReadModel<D>, build: slot.build }) }, position, query));
  }

  /** Replays the projection from position zero into a fresh read model, then swaps it in. */
  async rebuild(name: string, onProgress?: (p: RebuildProgress) => void): Promise<{ events: number; position: number }> {
    const slot = this.slot(name);
    return this.exclusive(slot, () => this.rebuildSlot(slot, onProgress));
  }

  private async rebuildSlot(slot: Slot, onProgress?: (p: RebuildProgress) => void) {
    const previous = slot.state;
    const { projection } = slot;
    // The feed passes the projection by meanwhile; a catch-up's reads would be thrown away.
    slot.state = 'rebuilding';
    await this.stopCatchUp(slot);
    // Versions go to a build of their own, read only once the new read model is swapped in.
    const build = this.db.versions.newBuild(projection.name, projection.version, { indexed: false });
    // Documents are written under a name of their own as the cache fills, and take the projection's at the swap.
    // Documents whose write-only items are not held give `apply` (and its changes) only their tails.
    const tails = projection.readsAppended !== undefined;
    const docs = new RebuildCache<unknown>(this.db, rebuildName(projection.name, build), this.rebuildCache, tails);
    try {
      const result = await rebuildReadModel(this.store, projection, this.batchSize, onProgress, (changes, previous) => {
        const kept = changes.filter((c) => keepsVersion(projection, c));
        if (tails && kept.some((c) => c.doc !== undefined)) throw new Error(`"${projection.name}" declares readsAppended, so it cannot keep versions of documents (streamOf must name their stream)`);
        this.db.writeVersions(build, kept, previous);
      }, docs);
      docs.flush();
      this.db.versions.index(build);
      this.db.swapIn(projection.name, { version: projection.version, position: result.position, build });
      this.db.versions.drop(slot.build);
      // A runner not following the store (the CLI's) answers no queries: its documents stay on disk.
      slot.docs = projection.storage === 'stored' || !this.running
        ? new StoredReadModel(this.db, projection.name, { created: projection.storage !== 'stored' })
        : this.db.documents(projection.name, { created: true });
      slot.position = result.position;
      slot.build = build;
      this.waiters.notify();
      return { events: result.events, position: result.position };
    } catch (error) {
      this.db.versions.drop(build);
      this.db.deleteDocuments(rebuildName(projection.name, build));
      throw error;
    } finally {
      slot.state = previous === 'starting' ? 'starting' : 'running';
      // Rejoins the feed at the position it was rebuilt to, or reads up to it first.
      if (this.feed && slot.position < this.feed.checkpointPosition) this.catchUp(slot);
    }
  }

  /**
   * A batch of the shared feed, for every projection that follows it, one after another: each
   * publishes its changes as soon as it has committed them, before the next one folds.
   */
  private applyFeed(batch: ConsumerBatch): void {
    this.beforeBatch?.(batch.events);
    for (const slot of this.slots.values()) {
      if (slot.catchUp || slot.state === 'rebuilding' || batch.scannedTo <= slot.position) continue;
      // Behind the feed (rebuilt to an earlier position, say): it reads the gap from its own checkpoint.
      if (slot.position < batch.after) {
        this.catchUp(slot);
        continue;
      }
      try {
        this.commit(slot, batch);
      } catch (error) {
        // Retried from its own checkpoint, backing off, without holding the other projections back.
        this.failed(slot, error);
        this.catchUp(slot);
      }
    }
  }

  /**
   * Reads on from the projection's own checkpoint, with its own filter, until it has reached the
   * feed; from then on the feed's batches go on from where it stopped.
   */
  private catchUp(slot: Slot): void {
    if (slot.catchUp || !this.running) return;
    const consumer = this.consumer(slot.position, slot.projection.filter, (batch) => {
      if (slot.catchUp !== consumer || slot.state === 'rebuilding') return;
      if (batch.scannedTo > slot.position) this.commit(slot, batch);
      if (slot.position >= (this.feed?.checkpointPosition ?? Infinity)) void this.stopCatchUp(slot);
    }, (error) => this.failed(slot, error));
    slot.catchUp = consumer;
  }

  private async stopCatchUp(slot: Slot): Promise<void> {
    const consumer = slot.catchUp;
    slot.catchUp = undefined;
    await consumer?.stop();
  }

  private consumer(from: number, filter: EventFilter | undefined, handle: (batch: ConsumerBatch) => Promise<void> | void, onError: (error: unknown) => void): CheckpointedConsumer {
    const consumer = new CheckpointedConsumer(this.store, { load: () => from }, handle, {
      filter,
      batchSize: this.batchSize,
      // Each batch takes what the store has read: a change waits for no later event.
      lingerMs: 0,
      // A read model stays at most about 10 s behind once a fault (a full disk, say) has passed.
      retry: { initialMs: this.retryDelayMs, maxMs: Math.max(this.retryDelayMs, 10_000) },
      onError,
    });
    consumer.start();
    return consumer;
  }

  /**
   * Folds the batch's events the projection has not seen and commits documents, change log,
   * versions, dead letters and the new checkpoint in one transaction; then updates the read model
   * in memory and publishes the changes.
   */
  private commit(slot: Slot, batch: ConsumerBatch): void {
    const { projection } = slot;
    const events = slot.position <= batch.after ? batch.events : batch.events.filter((e: RecordedEvent) => e.position > slot.position);
    const folded = applyBatch(projection, slot.docs, events);
    const versions = folded.changes.filter((c) => keepsVersion(projection, c));
    const state = { version: projection.version, position: batch.scannedTo, build: slot.build };
    const logged = this.db.commitBatch(projection.name, state, folded.docs, folded.changes, folded.deadLetters, versions, folded.previous);
    if (slot.docs instanceof Map) {
      for (const [key, doc] of folded.docs) {
        if (doc === undefined) slot.docs.delete(key);
        else slot.docs.set(key, doc);
      }
    }
    slot.position = batch.scannedTo;
    slot.lastError = undefined;
    for (const d of folded.deadLetters) this.log(`${projection.name}: dead-lettered event ${d.eventId} at ${d.position}: ${d.error}`);
    for (const change of logged) this.changes$.next(change);
    this.waiters.notify();
    this.onBatch?.(projection.name, batch.scannedTo, events.length);
  }

  private failed(slot: Slot, error: unknown): void {
    slot.lastError = describeError(error);
    this.log(`${slot.projection.name}: batch failed, retrying: ${slot.lastError}`);
  }

  private loaded(projection: Projection<unknown>): Slot['docs'] {
    return projection.storage === 'stored' ? new StoredReadModel(this.db, projection.name) : this.db.documents(projection.name);
  }

  private exclusive<T>(slot: Slot, work: () => Promise<T>): Promise<T> {
    const next = slot.lock.then(work, work);
    slot.lock = next.catch(() => undefined);
    return next;
  }

  private slot(name: string): Slot {
    const slot = this.slots.get(name);
    if (!slot) throw new UnknownProjectionError(name, this.names);
    return slot;
  }
}
