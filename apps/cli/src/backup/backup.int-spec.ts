import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { SqliteEventStore } from '@deals/event-store';
import { runCaptured, scratchDir } from '../testing/cli-harness';

const PAD = 'x'.repeat(900);
const event = (i: number) => ({ eventId: randomUUID(), type: 'LoadNoted', data: { i, pad: PAD }, metadata: { actor: { id: 'load', roles: [] } } });

describe('deals backup and restore (real SQLite files, a writer going on meanwhile)', () => {
  let scratch: ReturnType<typeof scratchDir>;
  beforeEach(() => (scratch = scratchDir()));
  afterEach(() => scratch.remove());

  it('backs up a consistent store while another connection appends, restores it, and keeps every event acknowledged before the backup began', async () => {
    const live = join(scratch.path, 'live');
    // Another connection, as the API process would be: it appends for the whole backup.
    const api = new SqliteEventStore({ path: join((mkdirSync(live, { recursive: true }), live), 'events.db') });
    const acknowledged: string[] = [];
    for (let b = 0; b < 40; b++) {
      const batch = Array.from({ length: 50 }, (_, i) => event(b * 50 + i));
      await api.append(`load-${b}`, batch, { expectedRevision: 'no_stream' });
      acknowledged.push(...batch.map((e) => e.eventId));
    }
    let writing = true;
    let n = 0;
    const writer = (async () => {
      while (writing) {
        const e = event(n);
        await api.append(`during-${n++}`, [e], { expectedRevision: 'no_stream' });
        acknowledged.push(e.eventId);
      }
    })();
    await new Promise((r) => setTimeout(r, 20));

    const beforeBackup = [...acknowledged];
    const writtenBefore = n;
    const bars = new PassThrough();
    let drawn = '';
    bars.on('data', (d) => (drawn += d));
    const backup = await runCaptured(['backup', 'backup.db', '-d', 'live'], { cwd: scratch.path, progressStream: Object.assign(bars, { isTTY: true }) });
    const writtenDuring = n - writtenBefore;
    writing = false;
    await writer;
    await api.close();

    expect(backup).toMatchObject({ code: 0, stderr: [] });
    expect(backup.stdout.join('\n')).toMatch(/backed up to .*backup\.db: verified \d+ events in \d+ streams up to position \d+: every hash chain is intact/);
    // The writer went on while the backup ran: the copy restarted and still finished.
    expect(writtenDuring).toBeGreaterThan(0);
    expect(drawn).toContain('backup events');
    expect((statSync(join(scratch.path, 'backup.db')).mode & 0o777).toString(8)).toBe('600');
    expect(existsSync(join(scratch.path, 'backup.db.partial'))).toBe(false);

    const restored = await runCaptured(['restore', 'backup.db', '-d', 'restored'], { cwd: scratch.path });
    expect(restored).toMatchObject({ code: 0, stderr: [] });
    const verified = await runCaptured(['verify', '-d', 'restored'], { cwd: scratch.path });
    expect(verified.code).toBe(0);
    expect(verified.stdout.join('\n')).toContain('every hash chain is intact');

    const store = new SqliteEventStore({ path: join(scratch.path, 'restored', 'events.db') });
    try {
      const ids = new Set<string>();
      for (let after = 0; ;) {
        const page = await store.readAll({ after, maxCount: 1000 });
        page.events.forEach((e) => ids.add(e.eventId));
        if (page.events.length === 0) break;
        after = page.scannedTo;
      }
      const missing = beforeBackup.filter((id) => !ids.has(id));
      expect({ restored: ids.size >= beforeBackup.length, missing }).toEqual({ restored: true, missing: [] });
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses to restore over a store with events unless --force, and leaves the store as it was on a broken backup', async () => {
    const one = join(scratch.path, 'one');
    mkdirSync(one);
    const store = new SqliteEventStore({ path: join(one, 'events.db') });
    await store.append('deal-1', [event(1)]);
    await store.close();
    expect((await runCaptured(['backup', 'one.db', '-d', 'one'], { cwd: scratch.path })).code).toBe(0);
    expect((await runCaptured(['backup', 'one.db', '-d', 'one'], { cwd: scratch.path })).stderr.join('\n')).toContain('exists; pass --force');

    const refused = await runCaptured(['restore', 'one.db', '-d', 'one'], { cwd: scratch.path });
    expect(refused.code).toBe(1);
    expect(refused.stderr.join('\n')).toContain('holds events up to position 1; pass --force');
    const forced = await runCaptured(['restore', 'one.db', '-d', 'one', '--force'], { cwd: scratch.path });
    expect(forced).toMatchObject({ code: 0, stderr: [] });

    writeFileSync(join(scratch.path, 'garbage.db'), 'not a database at all, just text that is long enough to be read');
    const broken = await runCaptured(['restore', 'garbage.db', '-d', 'one', '--force'], { cwd: scratch.path });
    expect(broken.code).toBe(1);
    const after = new SqliteEventStore({ path: join(one, 'events.db') });
    expect(await after.headPosition().finally(() => after.close())).toBe(1);
  });
});
