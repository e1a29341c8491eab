import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectionDatabase } from './projection-database';

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
});
