import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { Subject } from 'rxjs';
import { DomainError } from '@deals/domain';
import { EventStore } from '@deals/event-store';
import {
  answerAsOf, ConcurrencyLimit, DeadLetter, loggedChangesAfter, LoggedChange, PositionWaiters, Projection, ProjectionDatabase,
  ReadModel, RebuildProgress, StoredReadModel, UnknownProjectionError,
} from '@deals/projections';
import { StoreCommits } from '../../infrastructure/store-commits';
import { HostedProjectionStatus, ProjectionHost } from '../projection-host';
import { reviveError } from './worker-errors';
import { FromWorker, ToWorker, WorkerCall, WorkerSetup } from './worker-messages';

/** What the API thread holds of one projection the worker folds. */
interface Mirror {
  readonly projection: Projection<unknown>;
  docs: Map<string, unknown> | StoredReadModel<unknown>;
  position: number;
  build: number;
}

interface PendingCall {
  resolve(result: unknown): void;
  reject(error: Error): void;
  onProgress?(progress: RebuildProgress): void;
}

export interface WorkerHostOptions {
  readonly setup: WorkerSetup;
  /** Starts the thread (start-worker.ts); a test may pass its own to count or kill threads. */
  readonly start: (setup: WorkerSetup) => Worker;
  /** First wait before starting a worker that exited; it doubles up to 30 s while workers keep exiting within a minute of starting. */
  readonly restartDelayMs?: number;
  /** Longest a status call waits for the worker before the status says it does not answer. */
  readonly statusTimeoutMs?: number;
  /** How long a stopping worker gets to commit its batch in hand and close. */
  readonly stopTimeoutMs?: number;
}

/**
 * The projections folded on a worker thread (PROJECTIONS_THREAD=worker), as the request loop sees
 * them: documents mirrored in Maps from the batches the worker posts after each commit (queries
 * stay synchronous), stored read models, the change log and as-of versions read from
 * projections.db, positions for read-your-writes, and `changes$` for live feeds. Rebuilds,
 * pruning and status are asked of the worker. A worker that exits is reported (status `stopped`,
 * readiness down), logged and started again; it resumes from its checkpoints, and the mirror
 * reloads from projections.db, so nothing committed is lost.
 */
export class WorkerProjectionHost extends ProjectionHost implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly changes$ = new Subject<LoggedChange>();
  private readonly logger = new Logger('Projections');
  private readonly mirrors = new Map<string, Mirror>();
  private readonly waiters = new PositionWaiters();
  private readonly asOfLimit = new ConcurrencyLimit(2);
  private readonly calls = new Map<number, PendingCall>();
  private nextCall = 1;
  private worker?: Worker;
  /** The id of the thread folding now, or that last did. */
  private workerThreadId = -1;
  private ready = false;
  /** Why no worker answers, while none does. */
  private downReason?: string = 'starting';
  /** The newest change published on `changes$`. */
  private emittedThrough = 0;
  /** While unposted changes are replayed after a start: the worker's newer ones, sent after them. */
  private held?: LoggedChange[];
  private stopping = false;
  private restartTimer?: NodeJS.Timeout;
  private restartDelayMs: number;
  private stopWake?: () => void;
  /** Whether a worker has started once: the first start failing fails the app's start instead. */
  private everReady = false;
  private readyAt = 0;
  private startCount = 0;

  constructor(
    private readonly store: EventStore,
    private readonly db: ProjectionDatabase,
    projections: readonly Projection<unknown>[],
    private readonly commits: StoreCommits,
    private readonly options: WorkerHostOptions,
  ) {
    super();
    this.restartDelayMs = options.restartDelayMs ?? 500;
    for (const projection of projections) {
      db.register(projection);
      this.mirrors.set(projection.name, { projection, docs: new Map(), position: 0, build: 0 });
    }
  }

  get names(): string[] {
    return [...this.mirrors.keys()];
  }

  /** The thread folding the projections now; undefined while none runs. */
  get thread(): Worker | undefined {
    return this.ready ? this.worker : undefined;
  }

  /** Workers started so far, the first one included. */
  get starts(): number {
    return this.startCount;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.emittedThrough = this.db.lastChangeId();
    this.stopWake = this.commits.listen(() => this.send({ type: 'wake' }));
    await this.spawn();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.stopWake?.();
    const worker = this.worker;
    if (worker) {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      this.send({ type: 'stop' });
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.options.stopTimeoutMs ?? 10_000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        this.logger.warn('the projections worker did not stop in time; ending it (projections resume from their checkpoints)');
        await worker.terminate();
      }
    }
    this.changes$.complete();
    this.db.close();
  }

  readModel<D>(name: string): ReadModel<D> {
    return this.mirror(name).docs as ReadModel<D>;
  }

  position(name: string): number {
    return this.mirror(name).position;
  }

  async status(): Promise<HostedProjectionStatus[]> {
    if (this.ready) {
      try {
        const statuses = (await this.call({ method: 'status' }, this.options.statusTimeoutMs ?? 5000)) as HostedProjectionStatus[];
        return statuses.map((s) => ({ ...s, thread: 'worker', threadId: this.workerThreadId }));
      } catch (error) {
        if (this.ready) return this.unanswered(`the projections worker did not answer: ${(error as Error).message}`);
      }
    }
    return this.unanswered(`the projections worker is not running: ${this.downReason}`);
  }

  deadLetters(name?: string): DeadLetter[] {
    if (name) this.mirror(name);
    return this.db.deadLetters(name);
  }

  /**
   * The last change the API thread has applied and sent to live feeds: a feed that starts from it
   * follows what the mirror answers (the log may already hold newer ones, not yet posted).
   */
  lastChangeId(): number {
    return this.emittedThrough;
  }

  pruneChangesThrough(changeId: number): Promise<number> {
    return this.call({ method: 'prune', changeId }) as Promise<number>;
  }

  /** Logged changes after `changeId`, each with its document then (folded again from its stream where the log keeps none). */
  async changesAfter(changeId: number, names?: readonly string[], limit = 1000): Promise<LoggedChange[]> {
    return loggedChangesAfter(this.store, this.db, (name) => this.mirror(name).projection, changeId, names, limit);
  }

  waitForPosition(position: number, timeoutMs: number, names: readonly string[] = this.names): Promise<boolean> {
    const mirrors = names.map((n) => this.mirror(n));
    return this.waiters.wait(() => mirrors.every((m) => m.position >= position), timeoutMs);
  }

  async queryAsOf<D, R>(name: string, position: number, query: (docs: ReadModel<D>) => R, waitMs: number): Promise<{ result: R; position: number } | undefined> {
    const mirror = this.mirror(name);
    const projection = mirror.projection as Projection<D>;
    if (!(await this.waitForPosition(position, waitMs, [name]))) return undefined;
    const answer = () => answerAsOf({ store: this.store, db: this.db, projection, current: () => ({ docs: mirror.docs as ReadModel<D>, build: mirror.build }) }, position, query);
    return this.asOfLimit.run(async () => {
      try {
        return await answer();
      } catch (error) {
        // The worker swapped a rebuilt build in, and dropped the versions of the one the mirror reads, before telling this thread.
        if ((this.db.state(name)?.build ?? 0) === mirror.build) throw error;
        this.reload(mirror, true);
        return answer();
      }
    });
  }

  async rebuild(name: string, onProgress?: (p: RebuildProgress) => void): Promise<{ events: number; position: number }> {
    this.mirror(name);
    const result = (await this.call({ method: 'rebuild', name }, undefined, onProgress)) as { events: number; position: number };
    // The worker swapped the rebuilt documents in: the mirror reads them, in the order they were written.
    this.reload(this.mirror(name), true);
    this.waiters.notify();
    return result;
  }

  private spawn(): Promise<void> {
    const worker = this.options.start(this.options.setup);
    this.worker = worker;
    this.startCount++;
    return new Promise<void>((resolve, reject) => {
      let started = false;
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          started = true;
          this.started(message.threadId);
          resolve();
        } else {
          this.received(message);
        }
      });
      worker.on('error', (error) => this.logger.error(`projections worker failed: ${error.stack ?? error.message}`));
      worker.on('exit', (code) => {
        const reason = `exited with code ${code}`;
        if (!started) reject(new Error(`the projections worker ${reason} before it started`));
        this.exited(worker, reason);
      });
    });
  }

  /** Every projection follows the store in the worker: the mirror reads where they are from projections.db. */
  private started(threadId: number): void {
    this.workerThreadId = threadId;
    for (const mirror of this.mirrors.values()) this.reload(mirror, false);
    void this.replayUnposted();
    this.ready = true;
    this.everReady = true;
    this.readyAt = Date.now();
    this.downReason = undefined;
    this.waiters.notify();
    if (this.starts > 1) this.logger.log(`projections worker started again (thread ${threadId}); projections resume from their checkpoints`);
  }

  private received(message: FromWorker): void {
    switch (message.type) {
      case 'batch':
        return this.applyBatch(message.projection, message.position, message.changes);
      case 'progress':
        return this.calls.get(message.id)?.onProgress?.(message.progress);
      case 'reply': {
        const pending = this.calls.get(message.id);
        this.calls.delete(message.id);
        if (message.error) pending?.reject(reviveError(message.error));
        else pending?.resolve(message.result);
        return;
      }
      case 'log':
        return message.level === 'warn' ? this.logger.warn(message.message) : this.logger.log(message.message);
    }
  }

  /** A batch the worker committed: documents into the Map (unless the mirror read them already), changes out to live feeds. */
  private applyBatch(name: string, position: number, changes: readonly LoggedChange[]): void {
    const mirror = this.mirrors.get(name);
    if (!mirror) return;
    if (position > mirror.position) {
      if (mirror.docs instanceof Map) {
        for (const change of changes) {
          if (change.doc === undefined) mirror.docs.delete(change.key);
          else mirror.docs.set(change.key, change.doc);
        }
      }
      mirror.position = position;
    }
    for (const change of changes) {
      if (this.held) this.held.push(change);
      else this.emit(change);
    }
    this.waiters.notify();
  }

  /**
   * Changes a worker committed but did not post before it stopped reach live feeds now, in order:
   * the new worker's batches wait until they have (those already replayed are not sent twice).
   */
  private async replayUnposted(): Promise<void> {
    const held: LoggedChange[] = [];
    this.held = held;
    try {
      for (let page = await this.changesAfter(this.emittedThrough); page.length; page = await this.changesAfter(this.emittedThrough)) {
        for (const change of page) this.emit(change);
      }
    } catch (error) {
      this.logger.warn(`live feeds: replaying changes not sent before the worker stopped failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.held = undefined;
      for (const change of held) this.emit(change);
    }
  }

  private emit(change: LoggedChange): void {
    if (change.id <= this.emittedThrough) return;
    this.emittedThrough = change.id;
    this.changes$.next(change);
  }

  /**
   * Reads a projection's checkpoint, then its documents: those may be newer than the checkpoint,
   * and the batches after it that the worker posts next set the same documents again.
   */
  private reload(mirror: Mirror, created: boolean): void {
    const { name, storage } = mirror.projection;
    const state = this.db.state(name);
    mirror.position = state?.position ?? 0;
    mirror.build = state?.build ?? 0;
    mirror.docs = storage === 'stored' ? new StoredReadModel(this.db, name) : this.db.documents(name, { created });
  }

  private exited(worker: Worker, reason: string): void {
    if (worker !== this.worker) return;
    this.ready = false;
    this.worker = undefined;
    this.downReason = reason;
    for (const [id, pending] of this.calls) {
      this.calls.delete(id);
      pending.reject(workerDown(`The projections worker ${reason} before it answered; it is being started again, retry shortly`));
    }
    if (this.stopping || !this.everReady) return;
    // A worker that ran a while starts again at once; one that keeps failing, less and less often.
    if (this.readyAt > 0 && Date.now() - this.readyAt > 60_000) this.restartDelayMs = this.options.restartDelayMs ?? 500;
    this.readyAt = 0;
    this.logger.error(`projections worker ${reason}; starting it again in ${this.restartDelayMs} ms (projections resume from their checkpoints)`);
    this.restartLater();
  }

  private restartLater(): void {
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.spawn().catch((error: Error) => this.logger.error(error.message));
    }, this.restartDelayMs);
    this.restartDelayMs = Math.min(this.restartDelayMs * 2, 30_000);
  }

  private call(call: WorkerCall, timeoutMs?: number, onProgress?: (p: RebuildProgress) => void): Promise<unknown> {
    if (!this.ready) {
      return Promise.reject(workerDown(`The projections worker is not running (${this.downReason}); it is being started again, retry shortly`));
    }
    const id = this.nextCall++;
    return new Promise((resolve, reject) => {
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
        this.calls.delete(id);
        reject(new Error(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      const settle = <T>(done: (value: T) => void) => (value: T) => {
        clearTimeout(timer);
        done(value);
      };
      this.calls.set(id, { resolve: settle(resolve), reject: settle(reject), onProgress });
      this.send({ type: 'call', id, call });
    });
  }

  private send(message: ToWorker): void {
    if (this.worker && (this.ready || message.type === 'stop')) this.worker.postMessage(message);
  }

  /** The status while the worker does not answer: where the mirror is, `stopped`, and why. */
  private async unanswered(why: string): Promise<HostedProjectionStatus[]> {
    const head = await this.store.headPosition();
    return [...this.mirrors.values()].map((m) => ({
      name: m.projection.name,
      version: m.projection.version,
      position: m.position,
      headPosition: head,
      lag: Math.max(0, head - m.position),
      state: 'stopped',
      deadLetters: this.db.deadLetters(m.projection.name).length,
      lastError: why,
      thread: 'worker',
      threadId: this.workerThreadId,
    }));
  }

  private mirror(name: string): Mirror {
    const mirror = this.mirrors.get(name);
    if (!mirror) throw new UnknownProjectionError(name, this.names);
    return mirror;
  }
}

const workerDown = (message: string) => new DomainError('PROJECTION.WORKER_DOWN', 'unavailable', message);
