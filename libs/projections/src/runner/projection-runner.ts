import { EventStore, StoreSubscription } from '@deals/event-store';
import { Subject } from 'rxjs';
import { Projection, ReadModel } from '../projection';
import { applyBatch } from './apply-batch';
import { lastPositionAtOrBefore } from './as-of';
import { queryAsOf } from './as-of-reader';
import { ConcurrencyLimit } from './concurrency-limit';
import { DeadLetter, LoggedChange, ProjectionDatabase } from './projection-database';
import { keepsVersion } from './projection-versions';
import { describeError, UnknownProjectionError } from './projection.errors';
import { rebuildReadModel, RebuildProgress } from './rebuild';
import { StoredReadModel } from './stored-read-model';

export interface RunnerOptions {
  /** Events per transaction. */
  readonly batchSize?: number;
  /** Longest wait for news when caught up (the store also wakes the runner on each commit). */
  readonly idleWaitMs?: number;
  /** Wait before retrying after a failed batch (e.g. the disk is full). */
  readonly retryDelayMs?: number;
  readonly log?: (message: string) => void;
  /** Called after each committed batch (progress reporting). */
  readonly onBatch?: (projection: string, position: number, events: number) => void;
  /** As-of queries answered at once; more wait their turn (each holds its documents in memory). */
  readonly asOfConcurrency?: number;
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
  /** Serialises the loop's batches with rebuilds. */
  lock: Promise<unknown>;
}

/**
 * Runs projections: reads `$all` from each projection's checkpoint (history, then live), folds
 * batches, and commits documents, change log and checkpoint in one transaction. Committed
 * changes are published on `changes$` for live feeds.
 */
export class ProjectionRunner {
  readonly changes$ = new Subject<LoggedChange>();
  private readonly slots = new Map<string, Slot>();
  private readonly batchSize: number;
  private readonly idleWaitMs: number;
  private readonly retryDelayMs: number;
  private readonly log: (message: string) => void;
  private readonly onBatch?: RunnerOptions['onBatch'];
  private running = false;
  private wakeUp?: StoreSubscription;
  private wakers = new Set<() => void>();
  private loops: Promise<void>[] = [];
  private waiters = new Set<() => void>();
  private readonly asOfLimit: ConcurrencyLimit;

  constructor(
    private readonly store: EventStore,
    private readonly db: ProjectionDatabase,
    projections: readonly Projection<unknown>[],
    options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idleWaitMs = options.idleWaitMs ?? 1000;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.log = options.log ?? (() => undefined);
    this.onBatch = options.onBatch;
    this.asOfLimit = new ConcurrencyLimit(options.asOfConcurrency ?? 2);
    for (const projection of projections) {
      this.slots.set(projection.name, { projection, docs: new Map(), position: 0, build: 0, state: 'stopped', lock: Promise.resolve() });
    }
  }

  get names(): string[] {
    return [...this.slots.keys()];
  }

  /** Loads stored read models (rebuilding those of another version) and starts following the store. */
  async start(): Promise<void> {
    this.running = true;
    this.wakeUp = this.store.subscribeToAll({ fromPosition: 'end' });
    void this.pumpWakeUps(this.wakeUp);
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
      this.loops.push(this.follow(slot));
    }
    // No rebuild runs yet: builds no state names were left by a crash (or by the builds replaced above).
    this.db.versions.dropUnnamed();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.wakeUp?.close();
    this.wakeAll();
    await Promise.all(this.loops);
    for (const slot of this.slots.values()) slot.state = 'stopped';
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

  changesAfter(changeId: number, names?: readonly string[], limit = 1000): LoggedChange[] {
    return this.db.changesAfter(changeId, names, limit);
  }

  /** Read-your-writes: resolves true once every named projection has passed `position`, false on timeout. */
  async waitForPosition(position: number, timeoutMs: number, names: readonly string[] = this.names): Promise<boolean> {
    const slots = names.map((n) => this.slot(n));
    const reached = () => slots.every((s) => s.position >= position);
    if (reached()) return true;
    return new Promise<boolean>((resolve) => {
      const check = () => {
        if (!reached()) return;
        done(true);
      };
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(ok);
      };
      const timer = setTimeout(() => done(reached()), timeoutMs);
      this.waiters.add(check);
    });
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
    return this.asOfLimit.run(async () => ({
      result: await queryAsOf(
        { store: this.store, db: this.db, projection, current: () => ({ docs: slot.docs as ReadModel<D>, build: slot.build }) },
        position,
        query,
      ),
      position: await lastPositionAtOrBefore(this.store, projection.filter, position),
    }));
  }

  /** Replays the projection from position zero into a fresh read model, then swaps it in. */
  async rebuild(name: string, onProgress?: (p: RebuildProgress) => void): Promise<{ events: number; position: number }> {
    const slot = this.slot(name);
    return this.exclusive(slot, () => this.rebuildSlot(slot, onProgress));
  }

  private async rebuildSlot(slot: Slot, onProgress?: (p: RebuildProgress) => void) {
    const previous = slot.state;
    const { projection } = slot;
    slot.state = 'rebuilding';
    // Versions go to a build of their own, read only once the new read model is swapped in.
    const build = this.db.versions.newBuild(projection.name, projection.version, { indexed: false });
    try {
      const result = await rebuildReadModel(this.store, projection, this.batchSize, onProgress, (changes) =>
        this.db.writeVersions(build, changes.filter((c) => keepsVersion(projection, c))),
      );
      this.db.versions.index(build);
      this.db.replaceAll(projection.name, { version: projection.version, position: result.position, build }, result.docs);
      this.db.versions.drop(slot.build);
      slot.docs = projection.storage === 'stored' ? this.loaded(projection) : result.docs;
      slot.position = result.position;
      slot.build = build;
      this.notifyWaiters();
      return { events: result.events, position: result.position };
    } catch (error) {
      this.db.versions.drop(build);
      throw error;
    } finally {
      slot.state = previous === 'starting' ? 'starting' : 'running';
    }
  }

  private async follow(slot: Slot): Promise<void> {
    while (this.running) {
      let progressed = false;
      try {
        progressed = await this.exclusive(slot, () => this.step(slot));
        slot.lastError = undefined;
      } catch (error) {
        slot.lastError = describeError(error);
        this.log(`${slot.projection.name}: batch failed, retrying: ${slot.lastError}`);
        await this.sleep(this.retryDelayMs);
        continue;
      }
      if (!progressed) await this.sleep(this.idleWaitMs);
      // The embedded store answers synchronously: yield so HTTP is served during a long catch-up.
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** One batch. Returns false when there was nothing to do. */
  private async step(slot: Slot): Promise<boolean> {
    const { projection } = slot;
    const { events, scannedTo } = await this.store.readAll({ after: slot.position, maxCount: this.batchSize, filter: projection.filter });
    if (scannedTo <= slot.position) return false;
    const batch = applyBatch(projection, slot.docs, events);
    const versions = batch.changes.filter((c) => keepsVersion(projection, c));
    const state = { version: projection.version, position: scannedTo, build: slot.build };
    const logged = this.db.commitBatch(projection.name, state, batch.docs, batch.changes, batch.deadLetters, versions);
    if (slot.docs instanceof Map) {
      for (const [key, doc] of batch.docs) {
        if (doc === undefined) slot.docs.delete(key);
        else slot.docs.set(key, doc);
      }
    }
    slot.position = scannedTo;
    for (const d of batch.deadLetters) this.log(`${projection.name}: dead-lettered event ${d.eventId} at ${d.position}: ${d.error}`);
    for (const change of logged) this.changes$.next(change);
    this.notifyWaiters();
    this.onBatch?.(projection.name, scannedTo, events.length);
    return true;
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

  private async pumpWakeUps(subscription: StoreSubscription): Promise<void> {
    try {
      for await (const _event of subscription) this.wakeAll();
    } catch (error) {
      this.log(`wake-up subscription ended: ${describeError(error)}; falling back to polling`);
    }
  }

  private wakeAll(): void {
    for (const wake of this.wakers) wake();
  }

  private notifyWaiters(): void {
    for (const check of [...this.waiters]) check();
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }
}
