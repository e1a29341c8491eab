import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, tokenFor } from '../src/testing/api-process';

// The database's disk fills up, or turns read-only, under a running API: commands get a clear
// 503 (never a 500 or a half-written event), reads go on, and writes recover when the fault clears.
const mountPoint = mkdtempSync(join(tmpdir(), 'storage-faults-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint], { stdio: 'pipe' });
  mounted = true;
} catch (e) {
  console.warn(`Storage fault tests skipped: cannot mount a small tmpfs here (${(e as Error).message.split('\n')[0]}); they need root`);
}

(mounted ? describe : describe.skip)('storage faults under a running API (a 4 MiB tmpfs)', () => {
  const secret = randomBytes(32).toString('hex');
  const rep = tokenFor(secret, 'ana.ae', ['rep']);
  const ops = tokenFor(secret, 'olga.ops', ['sales-ops']);
  const api = new ApiProcess({ DATA_DIR: mountPoint, AUTH_TOKEN_SECRET: secret, DEMO_DATA: 'false' }, [{ id: 'ana.ae', roles: ['rep'] }, { id: 'olga.ops', roles: ['sales-ops'] }]);
  let url: string;
  let dealId: string;
  let n = 0;

  const contact = async () => {
    const res = await fetch(`${url}/deals/${dealId}/contacts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${rep}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: 'email', evidence: { kind: 'email', ref: `<fault-${n++}@x>`, note: 'x'.repeat(1500) } }),
    });
    return { status: res.status, body: (await res.json()) as { error?: string; position?: number }, retryAfter: res.headers.get('retry-after') };
  };
  const events = async () => {
    const res = await fetch(`${url}/deals/${dealId}/events?limit=1000`, { headers: { Authorization: `Bearer ${rep}` } });
    return ((await res.json()) as { events: { type: string }[] }).events;
  };

  beforeAll(async () => {
    url = await api.start();
    const res = await fetch(`${url}/deals`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${rep}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Faults', account: { name: 'Faults' }, currency: 'EUR', expectedAmount: '1.00' }),
    });
    dealId = ((await res.json()) as { dealId: string }).dealId;
  }, 90_000);
  afterAll(async () => {
    await api.kill('SIGTERM');
    execFileSync('umount', ['-l', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('answers 503 while the disk is full, keeps reading, and recovers when space is freed', async () => {
    const before = (await contact()).status;
    expect(before).toBe(201);
    const filler = join(mountPoint, 'filler');
    try {
      writeFileSync(filler, Buffer.alloc(8 * 1024 * 1024));
    } catch {
      // ENOSPC: the disk is now full, which is the point.
    }
    const results = [];
    for (let i = 0; i < 30; i++) results.push(await contact());
    const failed = results.filter((r) => r.status !== 201);
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      expect(r.status).toBe(503);
      expect(r.body.error).toBe('STORE.UNAVAILABLE');
      expect(r.retryAfter).toBe('5');
    }
    const acknowledged = results.filter((r) => r.status === 201).length + 1;
    expect((await events()).filter((e) => e.type === 'ContactMade')).toHaveLength(acknowledged);

    rmSync(filler);
    const after = await contact();
    expect(after.status).toBe(201);
    expect((await events()).filter((e) => e.type === 'ContactMade')).toHaveLength(acknowledged + 1);
    const pipeline = await fetch(`${url}/pipeline?minPosition=${after.body.position}&waitMs=15000`, { headers: { Authorization: `Bearer ${ops}` } });
    expect(pipeline.status).toBe(200);
  }, 60_000);

  it('answers 503 while the database is read-only, keeps reading, and writes again once it is writable', async () => {
    // A read-only filesystem cannot be remounted under open files, so the database is marked
    // read-only in its own header (a write version SQLite will not write, https://www.sqlite.org/fileformat.html)
    // and the API restarted on it, as after an operator's mistake.
    const known = (await events()).length;
    await api.kill('SIGTERM');
    const dbPath = join(mountPoint, 'events.db');
    setWriteVersion(dbPath, 3);
    url = await api.start();
    try {
      expect((await events()).length).toBe(known);
      const r = await contact();
      expect(r.status).toBe(503);
      expect(r.body.error).toBe('STORE.UNAVAILABLE');
    } finally {
      await api.kill('SIGTERM');
      setWriteVersion(dbPath, 2);
    }
    url = await api.start();
    expect((await contact()).status).toBe(201);
    expect((await events()).length).toBe(known + 1);
    const verify = await fetch(`${url}/integrity/verify`, { headers: { Authorization: `Bearer ${ops}` } });
    expect(((await verify.json()) as { ok: boolean }).ok).toBe(true);
  }, 120_000);
});

/** Byte 18 of the SQLite header: file format write version (1 legacy, 2 WAL; higher = read-only to SQLite). */
function setWriteVersion(path: string, version: number): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.from([version]), 0, 1, 18);
  } finally {
    closeSync(fd);
  }
}
