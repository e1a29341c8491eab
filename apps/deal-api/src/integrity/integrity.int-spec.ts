import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, email, openAcme, REP, TestApp } from '../testing/test-app';

const AUDITOR = { id: 'olga.ops', roles: ['sales-ops'] };

describe('GET /integrity/verify (real SQLite file)', () => {
  let dir: string;
  let t: TestApp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verify-api-'));
    t = await createTestApp(dir);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a clean store, then the edited event after a direct edit of the file', async () => {
    const dealId = await openAcme(t);
    await t.as(REP).post(`/deals/${dealId}/buyer-responses`, { evidence: email('<r@x>') }).expect(201);
    await t.as(REP).post(`/deals/${dealId}/contacts`, { channel: 'phone', evidence: { kind: 'call', ref: 'c1' } }).expect(201);
    const clean = await t.as(AUDITOR).get('/integrity/verify').expect(200);
    expect(clean.body).toMatchObject({ ok: true, brokenStreams: [], missingPositions: [] });
    expect(clean.body.eventsChecked).toBeGreaterThan(2);

    const db = new Database(join(dir, 'events.db'));
    db.prepare("UPDATE events SET data = json_set(data, '$.evidence.ref', '<forged@x>') WHERE stream_id = ? AND type = 'BuyerResponded'").run(`deal-${dealId}`);
    db.close();

    const report = await t.as(AUDITOR).get('/integrity/verify').expect(200);
    expect(report.body.ok).toBe(false);
    expect(report.body.brokenStreams).toEqual([
      expect.objectContaining({ streamId: `deal-${dealId}`, reason: expect.stringContaining('edited') }),
    ]);
  });

  it('is for auditors only', async () => {
    const res = await t.as(REP).get('/integrity/verify').expect(403);
    expect(res.body.error).toMatch(/^AUTH\./);
  });
});
