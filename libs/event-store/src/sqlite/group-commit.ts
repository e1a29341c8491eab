import Database from 'better-sqlite3';
import { isUnavailableSqliteError, toStoreError } from './sqlite.errors';

interface Queued<C> {
  readonly work: (context: C) => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

export interface GroupCommitHooks<C> {
  /** Called once per batch inside the transaction; its result is passed to every append. */
  readonly begin: () => C;
  /** Called after a successful COMMIT, once the batch's promises are settled. */
  readonly committed: () => void;
}

/**
 * Work submitted in the same event-loop turn runs in one transaction, so the batch pays for
 * one fsync. Each piece runs in its own savepoint: a piece that throws is rolled back and
 * rejected alone. Promises settle only after COMMIT; if the transaction fails, all reject.
 */
export class GroupCommit<C> {
  private queue: Queued<C>[] = [];
  private scheduled: NodeJS.Immediate | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly hooks: GroupCommitHooks<C>,
  ) {}

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
    try {
      this.db.exec('BEGIN IMMEDIATE');
      const context = this.hooks.begin();
      for (const item of batch) settle.push(this.runInSavepoint(item, context));
      this.db.exec('COMMIT');
    } catch (error) {
      this.rollback();
      const failure = toStoreError(error, 'committing appends');
      for (const item of batch) item.reject(failure);
      return;
    }
    for (const done of settle) done();
    this.hooks.committed();
  }

  private runInSavepoint(item: Queued<C>, context: C): () => void {
    this.db.exec('SAVEPOINT one_append');
    try {
      const value = item.work(context);
      this.db.exec('RELEASE one_append');
      return () => item.resolve(value);
    } catch (error) {
      // A storage failure dooms the whole transaction; anything else is this append's own.
      if (isUnavailableSqliteError(error)) throw error;
      this.db.exec('ROLLBACK TO one_append');
      this.db.exec('RELEASE one_append');
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
