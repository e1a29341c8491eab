import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectionDatabase, rebuildName } from './projection-database';

describe('ProjectionDatabase (real SQLite)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'projection-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('carries documents of the earlier table layout over on open, checkpoints untouched', () => {
    const path = join(dir, 'projections.db');
    const old = new Database(path);
    old.exec(`CREATE TABLE projection_docs (name TEXT NOT NULL, key TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (name, key)) WITHOUT ROWID;
      CREATE TABLE projection_state (name TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER NOT NULL, updated_at TEXT NOT NULL);`);
    old.prepare('INSERT INTO projection_docs VALUES (?, ?, ?)').run('p', 'a', JSON.stringify({ n: 1 }));
    old.prepare('INSERT INTO projection_docs VALUES (?, ?, ?)').run('p', 'b', JSON.stringify({ n: 2 }));
    old.prepare('INSERT INTO projection_state VALUES (?, ?, ?, ?)').run('p', 3, 42, new Date().toISOString());
    old.close();

    const db = new ProjectionDatabase(path);
    expect([...db.documents('p')]).toEqual([['a', { n: 1 }], ['b', { n: 2 }]]);
    expect(db.state('p')).toEqual({ version: 3, position: 42, build: null });
    db.close();
    const reopened = new ProjectionDatabase(path);
    expect(reopened.documentCount('p')).toBe(2);
    reopened.close();
  });

  it('lists documents by key prefix exactly, in key order, for any last character', () => {
    const db = new ProjectionDatabase(join(dir, 'projections.db'));
    const keys = ['person:ana/1', 'person:ana/2', 'person:ana0', 'person:ana.x/1', 'person:an', 'person:ana/\u{10ffff}', 'x:\u{1f600}a', 'x:\u{1f600}b', 'x:\u{1f601}'];
    db.replaceAll('p', { version: 1, position: 0, build: db.versions.newBuild('p', 1, { indexed: true }) }, new Map(keys.map((k) => [k, { k }])));
    db.replaceAll('q', { version: 1, position: 0, build: db.versions.newBuild('q', 1, { indexed: true }) }, new Map([['person:ana/9', { k: 'other projection' }]]));
    expect(db.documentsWithPrefix('p', 'person:ana/').map(([k]) => k)).toEqual(['person:ana/1', 'person:ana/2', 'person:ana/\u{10ffff}']);
    expect(db.documentsWithPrefix('p', 'x:\u{1f600}').map(([k]) => k)).toEqual(['x:\u{1f600}a', 'x:\u{1f600}b']);
    expect(db.documentsWithPrefix('p', 'nobody')).toEqual([]);
    expect(db.document('p', 'person:an')).toEqual({ k: 'person:an' });
    db.close();
  });

  it('a swap keeps a rebuild\'s rows where they are: every read and write, also on another connection, finds them; the next swap or a restart removes only what is no longer current', () => {
    const path = join(dir, 'projections.db');
    const db = new ProjectionDatabase(path);
    const other = new ProjectionDatabase(path);
    db.replaceAll('p', { version: 1, position: 1, build: db.versions.newBuild('p', 1, { indexed: true }) }, new Map([['old', { v: 0 }]]));
    const swap = (on: ProjectionDatabase, docs: [string, unknown][], position: number) => {
      const build = on.versions.newBuild('p', 1, { indexed: false });
      on.reserveRows(rebuildName('p', build));
      on.writeDocuments(rebuildName('p', build), new Map(docs));
      on.versions.index(build);
      on.swapIn('p', { version: 1, position, build });
      return build;
    };
    const first = swap(db, [['a', { v: 1 }], ['b', { v: 1 }]], 2);
    const names = () => (new Database(path, { readonly: true }).prepare('SELECT DISTINCT name FROM projection_documents ORDER BY name').all() as { name: string }[]).map((r) => r.name);
    expect(names()).toEqual([rebuildName('p', first)]);
    expect([...other.documents('p', { created: true })]).toEqual([['a', { v: 1 }], ['b', { v: 1 }]]);
    expect(other.document('p', 'b')).toEqual({ v: 1 });
    // A live batch after the swap writes the rebuild's rows.
    other.commitBatch('p', { version: 1, position: 3, build: first }, new Map([['b', { v: 2 }], ['c', { v: 1 }]]), [], [], []);
    expect([...db.documents('p', { created: true })]).toEqual([['a', { v: 1 }], ['b', { v: 2 }], ['c', { v: 1 }]]);
    expect(db.documentCount('p')).toBe(3);
    expect(db.keysWithPrefix('p', '')).toEqual(['a', 'b', 'c']);

    // A rebuild cut short leaves its rows; a restart removes them and keeps the current ones.
    const cut = db.versions.newBuild('p', 1, { indexed: false });
    db.writeDocuments(rebuildName('p', cut), new Map([['z', { v: 9 }]]));
    db.close();
    const reopened = new ProjectionDatabase(path);
    reopened.deleteRebuildDocuments();
    expect(names()).toEqual([rebuildName('p', first)]);

    const second = swap(reopened, [['d', { v: 1 }]], 4);
    expect(names()).toEqual([rebuildName('p', second)]);
    expect([...other.documents('p')]).toEqual([['d', { v: 1 }]]);
    // Replacing every document puts them back under the projection's own name.
    reopened.replaceAll('p', { version: 1, position: 5, build: reopened.versions.newBuild('p', 1, { indexed: true }) }, new Map([['e', { v: 1 }]]));
    expect(names()).toEqual(['p']);
    expect([...other.documents('p')]).toEqual([['e', { v: 1 }]]);
    reopened.close();
    other.close();
  });
});
