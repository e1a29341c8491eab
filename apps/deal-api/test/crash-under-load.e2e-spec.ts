import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, tokenFor } from '../src/testing/api-process';

// SIGKILL the API while it is answering a load of commands; after a restart every
// acknowledged command's events are there, and clients retrying with the same
// Idempotency-Key write nothing twice.
describe('the API killed with SIGKILL under load', () => {
  const secret = randomBytes(32).toString('hex');
  const rep = tokenFor(secret, 'ana.ae', ['rep']);
  const ops = tokenFor(secret, 'olga.ops', ['sales-ops']);
  let dir: string;
  let api: ApiProcess;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crash-load-'));
    api = new ApiProcess({ DATA_DIR: dir, AUTH_TOKEN_SECRET: secret, DEMO_DATA: 'false' }, [{ id: 'ana.ae', roles: ['rep'] }, { id: 'olga.ops', roles: ['sales-ops'] }]);
  });
  afterAll(async () => {
    await api.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (url: string, path: string, body: object, key: string) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${rep}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify(body),
    });

  it('keeps every acknowledged command and writes retried ones once', async () => {
    let url = await api.start();
    const dealIds: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await post(url, '/deals', { name: `Load ${i}`, account: { name: 'Load' }, currency: 'EUR', expectedAmount: '10.00' }, `open-${i}-key`);
      expect(res.status).toBe(201);
      dealIds.push(((await res.json()) as { dealId: string }).dealId);
    }

    interface Sent { key: string; dealId: string; body: object; eventId?: string }
    const sent: Sent[] = [];
    let n = 0;
    let killed = false;
    const worker = async () => {
      while (!killed && n < 5000) {
        const i = n++;
        const s: Sent = { key: `contact-${i}-key`, dealId: dealIds[i % dealIds.length], body: { channel: 'email', evidence: { kind: 'email', ref: `<load-${i}@x>` } } };
        sent.push(s);
        try {
          const res = await post(url, `/deals/${s.dealId}/contacts`, s.body, s.key);
          if (res.status === 201) s.eventId = ((await res.json()) as { events: { eventId: string }[] }).events[0].eventId;
        } catch {
          // The connection died with the process: not acknowledged.
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    while (sent.filter((s) => s.eventId).length < 200) await new Promise((r) => setTimeout(r, 20));
    killed = true;
    await api.kill('SIGKILL');
    await Promise.all(workers);
    const acked = sent.filter((s) => s.eventId);
    expect(acked.length).toBeGreaterThanOrEqual(200);

    url = await api.start();
    const stored = new Map<string, string[]>();
    for (const dealId of dealIds) {
      const res = await fetch(`${url}/deals/${dealId}/events?limit=1000`, { headers: { Authorization: `Bearer ${rep}` } });
      const page = (await res.json()) as { events: { eventId: string; type: string; data: { evidence?: { ref: string } } }[] };
      stored.set(dealId, page.events.map((e) => e.eventId));
    }
    const missing = acked.filter((s) => !stored.get(s.dealId)!.includes(s.eventId!));
    expect(missing).toEqual([]);

    // Every client retries everything it sent, acknowledged or not, with the same key.
    for (const s of sent) {
      const res = await post(url, `/deals/${s.dealId}/contacts`, s.body, s.key);
      expect(res.status).toBe(201);
    }
    const refs: string[] = [];
    for (const dealId of dealIds) {
      const res = await fetch(`${url}/deals/${dealId}/events?limit=1000`, { headers: { Authorization: `Bearer ${rep}` } });
      const page = (await res.json()) as { events: { type: string; data: { evidence?: { ref: string } } }[] };
      refs.push(...page.events.filter((e) => e.type === 'ContactMade').map((e) => e.data.evidence!.ref));
    }
    expect(refs.length).toBe(sent.length);
    expect(new Set(refs).size).toBe(sent.length);

    const verify = await fetch(`${url}/integrity/verify`, { headers: { Authorization: `Bearer ${ops}` } });
    expect(((await verify.json()) as { ok: boolean }).ok).toBe(true);
  }, 180_000);
});
