import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDealDecider } from '@deals/domain';
import { SqliteEventStore, verifyIntegrity } from '@deals/event-store';
import { handleCommand } from './handle-command';

const root = join(__dirname, '..', '..', '..');
const script = join(__dirname, 'testing', 'concurrent-writer.script.ts');

function writer(path: string, dealId: string, name: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', script, path, dealId, name, String(count)], {
      cwd: root, env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json') }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited ${code}: ${stderr}`))));
  });
}

describe('concurrent writers on one deal from several processes', () => {
  it('lands every command exactly once, with contiguous revisions and intact hash chains', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'writers-'));
    const path = join(dir, 'events.db');
    try {
      const store = new SqliteEventStore({ path });
      const dealId = randomUUID();
      const open = {
        type: 'OpenDeal' as const,
        data: { dealId, name: 'Contended', account: { name: 'C' }, ownerId: 'ana.ae', currency: 'EUR', expectedAmountMinor: 100 },
        metadata: { commandId: randomUUID(), actor: { id: 'ana.ae', roles: ['rep'] }, now: new Date().toISOString() },
      };
      await handleCommand(store, createDealDecider(), `deal-${dealId}`, open, {});

      const names = ['w1', 'w2', 'w3', 'w4'];
      await Promise.all(names.map((name) => writer(path, dealId, name, 40)));

      const events = await store.readStream(`deal-${dealId}`);
      const refs = events.filter((e) => e.type === 'ContactMade').map((e) => (e.data as { evidence: { ref: string } }).evidence.ref);
      expect(refs).toHaveLength(160);
      expect(new Set(refs).size).toBe(160);
      for (const name of names) {
        const own = refs.filter((r) => r.startsWith(`<${name}-`));
        expect(own).toEqual(Array.from({ length: 40 }, (_, i) => `<${name}-${i}@x>`));
      }
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
      expect((await verifyIntegrity(store, { contiguousPositions: true })).ok).toBe(true);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
