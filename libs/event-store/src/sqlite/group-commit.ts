import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { isUnavailableSqliteError, toStoreError } from './sqlite.errors';

interface Queued<C> {
  readonly work: (context: C) => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

export interface CommittedBatch {
  readonly appends: number;
  readonly durationMs: number;
}

export interface GroupCommitHooks<C> {
  /** Called once per batch inside the transaction; its result is passed to every append. */
  readonly begin: () => C;
  /** Called after a successful COMMIT, once the batch's promises are settled: how many appends it held and how long BEGIN to COMMIT took. */
  readonly committed: (batch: CommittedBatch) => void;
}

/**
 * Work submitted in the same event-loop turn runs in one transaction, so the batch pays for
 * one fsync. Each piece runs in its own savepoint: a piece that throws is rolled back and
 * rejected alone. Promises settle only after COMMIT; if the transaction fails, all reject.
 */
export class GroupCommit<C> {
  private queue: Queued<C>[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  /** Prepared once: `exec` would parse the text again for every append. */
  private readonly sql: Record<'begin' | 'commit' | 'savepoint' | 'release' | 'undo', Database.Statement>;

  constructor(
    private readonly db: Database.Database,
    private readonly hooks: GroupCommitHooks<C>,
  ) {
    this.sql = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      savepoint: db.prepare('SAVEPOINT one_append'),
      release: db.prepare('RELEASE one_append'),
      undo: db.prepare('ROLLBACK TO one_append'),
    };
  }

  submit<T>(work: (context: C) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits whatever is queued now. */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;

    const settle: (() => void)[] = [];
    const started = performance.now();
    try {
      this.sql.begin.run();
      const context = this.hooks.begin();
      if (batch.length === 1) {
        // Alone in the transaction, an append needs no savepoint: if it fails, all of it rolls back.
        const [only] = batch;
        let value: unknown;
        try {
          value = only.work(context);
        } catch (error) {
          if (isUnavailableSqliteError(error)) throw error;
          this.rollback();
          only.reject(error);
          return;
        }
        settle.push(() => only.resolve(value));
      } else {
        for (const item of batch) settle.push(this.runInSavepoint(item, context));
      }
      this.sql.commit.run();
    } catch (error) {
      this.rollback();
      const failure = toStoreError(error, 'committing appends');
      for (const item of batch) item.reject(failure);
      return;
    }
    const durationMs = performance.now() - started;
    for (const done of settle) done();
    this.hooks.committed({ appends: batch.length, durationMs });
  }

  private runInSavepoint(item: Queued<C>, context: C): () => void {
    this.sql.savepoint.run();
    try {
      const value = item.work(context);
      this.sql.release.run();
      return () => item.resolve(value);
    } catch (error) {
      // A storage failure dooms the whole transaction; anything else is this append's own.
      if (isUnavailableSqliteError(error)) throw error;
      this.sql.undo.run();
      this.sql.release.run();
      return () => item.reject(error);
    }
  }

  private rollback(): void {
    try {
      if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK');
    } catch {
      // SQLite may already have rolled back (e.g. after SQLITE_FULL); nothing more to undo.
    }
  }
}
