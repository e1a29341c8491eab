import Database from 'better-sqlite3';
import { preparePrivateDatabaseFile } from '@deals/event-store';

/**
 * How far the relay has published: the global position of the last event the broker
 * acknowledged. Kept in its own small SQLite file; saved only after an acknowledgement, so a
 * crash can re-publish (never skip) what came after it.
 */
export class RelayCheckpoint {
  private readonly db: Database.Database;
  private readonly read: Database.Statement<[string], { position: number }>;
  private readonly write: Database.Statement<[string, number, string]>;

  /** `path` is a file, or ':memory:'. `name` tells apart checkpoints of several topics in one file. */
  constructor(
    path: string,
    private readonly name: string,
  ) {
    preparePrivateDatabaseFile(path);
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // A checkpoint lost in a power cut only re-publishes; FULL would cost an fsync per batch.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS relay_checkpoints (
      name TEXT PRIMARY KEY, position INTEGER NOT NULL, updated_at TEXT NOT NULL)`);
    this.read = this.db.prepare('SELECT position FROM relay_checkpoints WHERE name = ?');
    // Never moves back, even if two relays were started by mistake.
    this.write = this.db.prepare(`INSERT INTO relay_checkpoints (name, position, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
      WHERE excluded.position > relay_checkpoints.position`);
  }

  /** 0 when nothing was published yet. */
  load(): number {
    return this.read.get(this.name)?.position ?? 0;
  }

  save(position: number): void {
    this.write.run(this.name, position, new Date().toISOString());
  }

  close(): void {
    this.db.close();
  }
}
