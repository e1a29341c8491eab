import Database from 'better-sqlite3';
import { validateAppend } from '../append-validation';
import { StoreUnavailableError } from '../event-store.errors';
import {
  AppendOptions,
  AppendResult,
  EventFilter,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  RecordedEvent,
  StoreSubscription,
  SubscribeOptions,
} from '../event-store.port';
import { stampRecordedAt } from '../recorded-at';
import { CommittedBatch, GroupCommit } from './group-commit';
import { writeAppend } from './sqlite-append';
import { AllQuery, buildAllQuery } from './sqlite-read-query';
import { EventRow, toRecordedEvent } from './sqlite-event-row';
import { preparePrivateDatabaseFile } from './private-files';
import { migrate } from './sqlite-schema';
import { Statements, prepareStatements } from './sqlite-statements';
import { SqliteSubscription } from './sqlite-subscription';
import { toStoreError } from './sqlite.errors';

export interface SqliteEventStoreOptions {
  /** A file path, or ':memory:' for a private in-memory store. */
  readonly path: string;
  /** Default true: an acknowledged append survives power loss (synchronous=FULL). */
  readonly durable?: boolean;
  /** How often caught-up subscriptions look for events appended by other processes. Default 200. */
  readonly pollIntervalMs?: number;
  /** How long a write waits for another process holding the write lock before failing. Default 5000. */
  readonly busyTimeoutMs?: number;
  /** The clock for recordedAt; for tests of a clock stepping back. */
  readonly now?: () => Date;
  /** Hears every group commit: appends in the transaction and its duration (metrics). */
  readonly onCommit?: (batch: CommittedBatch) => void;
}

export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements: Statements;
  private readonly commits: GroupCommit<string>;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly queries = new Map<string, Database.Statement<unknown[], EventRow>>();
  private readonly pollIntervalMs: number;
  private closed = false;

  constructor(options: SqliteEventStoreOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    // setTimeout treats anything above 2^31-1 ms as 1 ms.
    if (!Number.isInteger(this.pollIntervalMs) || this.pollIntervalMs < 1 || this.pollIntervalMs > 2 ** 31 - 1) {
      throw new RangeError(`pollIntervalMs must be an integer from 1 to 2^31-1, got ${this.pollIntervalMs}`);
    }
    const now = options.now ?? (() => new Date());
    this.db = openDatabase(options);
    try {
      this.statements = prepareStatements(this.db);
    } catch (error) {
      this.db.close();
      throw toStoreError(error, `opening ${options.path}`);
    }
    this.commits = new GroupCommit(this.db, {
      // One stamp per batch, read under the write lock so no other process can slip in between.
      begin: () => stampRecordedAt(now(), this.statements.lastRecordedAt.get()),
      committed: (batch) => {
        this.subscriptions.forEach((s) => s.wake());
        options.onCommit?.(batch);
      },
    });
  }

  append(streamId: string, events: readonly EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    try {
      this.ensureOpen();
      const expectedRevision = options.expectedRevision ?? 'any';
      const valid = validateAppend(streamId, events, expectedRevision);
      return this.commits.submit((recordedAt) =>
        writeAppend(this.statements, { streamId, events: valid, expectedRevision }, recordedAt),
      );
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = maxCountOf(options.maxCount);
    return this.reading(() => {
      const rows =
        options.direction === 'backwards'
          ? this.statements.streamBackwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
          : this.statements.streamForwards.all(streamId, options.fromRevision ?? 0, limit);
      return rows.map(toRecordedEvent);
    });
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const { direction = 'forwards', after, filter } = options;
    const maxCount = options.maxCount === undefined ? undefined : maxCountOf(options.maxCount);
    return this.reading(() => (direction === 'forwards' ? this.readForwards(after ?? 0, maxCount, filter) : this.readBackwards(after, maxCount, filter)));
  }

  async headPosition(): Promise<number> {
    return this.reading(() => this.statements.headPosition.get() ?? 0);
  }

  subscribeToAll(options: SubscribeOptions = {}): StoreSubscription {
    const start = this.reading(() =>
      options.fromPosition === 'end' ? (this.statements.headPosition.get() ?? 0) : (options.fromPosition ?? 0),
    );
    const readPage = (after: number, limit: number) => this.reading(() => this.readForwards(after, limit, options.filter));
    const subscription = new SqliteSubscription(readPage, start, this.pollIntervalMs, (s) => this.subscriptions.delete(s), options.onScanned);
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Caught-up subscriptions read now instead of at their next poll: another thread or process has committed. */
  wakeSubscriptions(): void {
    this.subscriptions.forEach((s) => s.wake());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.commits.flush();
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.db.close();
  }

  /** Matching events after `after`, bounded by the head seen now so the scan can vouch for the rows the filter skips. */
  private readForwards(after: number, maxCount: number | undefined, filter: EventFilter | undefined): ReadAllResult {
    if (maxCount === 0) return { events: [], scannedTo: after };
    const head = this.statements.headPosition.get() ?? 0;
    if (head <= after) return { events: [], scannedTo: after };
    const events = this.queryAll({ direction: 'forwards', after, upTo: head, maxCount, filter });
    return { events, scannedTo: events.length === maxCount ? events[events.length - 1].position : head };
  }

  private readBackwards(before: number | undefined, maxCount: number | undefined, filter: EventFilter | undefined): ReadAllResult {
    if (maxCount === 0) return { events: [], scannedTo: before ?? 0 };
    const events = this.queryAll({ direction: 'backwards', after: before, maxCount, filter });
    return { events, scannedTo: events.length === maxCount ? events[events.length - 1].position : 0 };
  }

  private queryAll(query: AllQuery): RecordedEvent[] {
    const { sql, params } = buildAllQuery(query);
    let statement = this.queries.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[], EventRow>(sql).raw();
      this.queries.set(sql, statement);
    }
    return statement.all(...params).map(toRecordedEvent);
  }

  private reading<T>(read: () => T): T {
    this.ensureOpen();
    try {
      return read();
    } catch (error) {
      throw toStoreError(error, 'reading');
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw new StoreUnavailableError('The event store is closed');
  }
}

function openDatabase(options: SqliteEventStoreOptions): Database.Database {
  let db: Database.Database | undefined;
  try {
    preparePrivateDatabaseFile(options.path);
    db = new Database(options.path, { timeout: options.busyTimeoutMs ?? 5000 });
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.durable === false ? 'NORMAL' : 'FULL'}`);
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    // Opening fails only for reasons of the file (missing directory, not a database, locked…).
    throw error instanceof StoreUnavailableError
      ? error
      : new StoreUnavailableError(`Cannot open the event store at ${options.path}: ${(error as Error).message}`, error);
  }
}

function maxCountOf(maxCount: number | undefined): number {
  if (maxCount === undefined) return -1;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) throw new RangeError(`maxCount must be an integer >= 0, got ${maxCount}`);
  return maxCount;
}
