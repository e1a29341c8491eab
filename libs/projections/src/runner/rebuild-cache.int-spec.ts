import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectionDatabase } from './projection-database';
import { keyHash, RebuildCache } from './rebuild-cache';

// The rebuild's cache on a real projections.db: what it writes when, and in which order rows are made.

describe('RebuildCache, real SQLite', () => {
  let dir: string;
  let db: ProjectionDatabase;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rebuild-cache-'));
    db = new ProjectionDatabase(join(dir, 'projections.db'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = (name: string) => [...db.documents(name, { created: true })];

  it('writes a document it keeps only when it is dropped or at the end; rows keep the order of creation whenever each is written', () => {
    const cache = new RebuildCache<{ v: number }>(db, 'p', { documents: 1, bytes: Number.MAX_SAFE_INTEGER });
    cache.set('a', { v: 1 }).set('b', { v: 1 });
    cache.afterPage();
    // More changed than the limit, but no more held than twice it: nothing dropped, nothing written.
    expect(stored('p')).toEqual([]);

    expect(cache.get('a')).toEqual({ v: 1 });
    cache.set('c', { v: 1 });
    cache.afterPage();
    expect(stored('p')).toEqual([]);

    // `a` was used last, `b` and `c` before it: they are dropped, written whole; `a` is not written.
    expect(cache.get('a')).toEqual({ v: 1 });
    cache.set('a', { v: 2 });
    cache.set('d', { v: 1 });
    cache.afterPage();
    expect(cache.held).toBe(2);
    expect(stored('p')).toEqual([['b', { v: 1 }], ['c', { v: 1 }]]);

    // Dropped documents are read back when asked for; the one kept is still the one changed in memory.
    expect(cache.get('b')).toEqual({ v: 1 });
    expect(cache.get('a')).toEqual({ v: 2 });
    cache.set('b', { v: 2 });
    cache.flush();
    // `a`, created first and written last, is listed first.
    expect(stored('p')).toEqual([['a', { v: 2 }], ['b', { v: 2 }], ['c', { v: 1 }], ['d', { v: 1 }]]);
  });

  it('a document deleted and created again is listed last, also when documents created after it were written before it', () => {
    const cache = new RebuildCache<{ v: number }>(db, 'p', { documents: 1, bytes: Number.MAX_SAFE_INTEGER });
    cache.set('a', { v: 1 }).set('b', { v: 1 }).set('c', { v: 1 });
    cache.afterPage();
    expect(stored('p').map(([key]) => key)).toEqual(['a']);
    // `a` is read back, deleted and created again; `b` and `c`, used least recently, are dropped.
    cache.delete('a');
    cache.set('a', { v: 2 });
    cache.set('e', { v: 1 });
    cache.afterPage();
    // Its old row stays until it is written again.
    expect(stored('p')).toEqual([['a', { v: 1 }], ['b', { v: 1 }], ['c', { v: 1 }]]);
    cache.set('f', { v: 1 });
    cache.afterPage();
    // `e` and `f` are dropped and written; `a`, created again before them, is kept.
    expect(cache.get('a')).toEqual({ v: 2 });
    cache.set('g', { v: 1 });
    cache.afterPage();
    expect(stored('p').map(([key]) => key)).toEqual(['a', 'b', 'c', 'e', 'f']);
    cache.flush();
    expect(stored('p')).toEqual([['b', { v: 1 }], ['c', { v: 1 }], ['a', { v: 2 }], ['e', { v: 1 }], ['f', { v: 1 }], ['g', { v: 1 }]]);
  });

  it('rows made elsewhere while a rebuild runs take rowids after its reserved ones, and the reservation goes with the swap', () => {
    const cache = new RebuildCache<{ v: number }>(db, 'p', { documents: 1, bytes: Number.MAX_SAFE_INTEGER });
    cache.set('a', { v: 1 });
    db.writeDocuments('other', new Map([['x', { v: 1 }]]));
    cache.set('b', { v: 1 });
    cache.flush();
    expect(stored('p')).toEqual([['a', { v: 1 }], ['b', { v: 1 }]]);
    expect(stored('other')).toEqual([['x', { v: 1 }]]);
    expect(stored('p#rows')).toEqual([['', null]]);
    db.releaseRows('p');
    expect(stored('p#rows')).toEqual([]);
  });

  it('a key whose hash is that of a written key is still new: its row is asked for, not assumed', () => {
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const key = `k${i}`;
      const other = seen.get(keyHash(key));
      if (other !== undefined) pair = [other, key];
      seen.set(keyHash(key), key);
    }
    const [written, twin] = pair;
    const cache = new RebuildCache<{ v: number }>(db, 'p', { documents: 1, bytes: Number.MAX_SAFE_INTEGER });
    cache.set(written, { v: 1 }).set('x', { v: 1 }).set('y', { v: 1 });
    cache.afterPage();
    expect(stored('p').map(([key]) => key)).toEqual([written]);
    cache.beforePage([twin]);
    expect(cache.get(twin)).toBeUndefined();
    cache.set(twin, { v: 2 });
    cache.flush();
    expect(stored('p')).toEqual([[written, { v: 1 }], ['x', { v: 1 }], ['y', { v: 1 }], [twin, { v: 2 }]]);
  });
});
