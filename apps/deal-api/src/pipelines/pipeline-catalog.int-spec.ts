import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SECURITY_REVIEW_V2 } from '@deals/domain/pipeline/testing/security-review-pipeline';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { createTestApp, openAcme, OPS, REP, TestApp } from '../testing/test-app';

describe('pipeline versions across restarts (real SQLite file, HTTP)', () => {
  let dir: string;
  let t: TestApp | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pipelines-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const pipelineEvents = (app: TestApp) => app.app.get<EventStore>(EVENT_STORE).readStream('pipeline-default');

  it('publishes the default as version 1 once, and a restarted API knows every version and the deals on them', async () => {
    t = await createTestApp(dir);
    const { pipelineId: _id, ...v2 } = SECURITY_REVIEW_V2;
    await t.as(OPS).post('/pipelines/default/versions', v2).expect(201);
    const dealId = await openAcme(t);
    await t.close();

    t = await createTestApp(dir);
    const events = await pipelineEvents(t);
    expect(events.map((e) => [e.type, (e.data as { version: number }).version, (e.metadata.actor as { id: string }).id]))
      .toEqual([['PipelineVersionPublished', 1, 'system'], ['PipelineVersionPublished', 2, OPS.id]]);
    const versions = await t.as(REP).get('/pipelines/default/versions').expect(200);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    // The deal is on version 2, whose fact type the restarted catalog knows.
    await t.as(REP).post(`/deals/${dealId}/facts/security-questionnaire-signed`, {
      attributes: { signedBy: 'Kim Lee', signedOn: '2026-01-12', outcome: 'passed' }, evidence: { kind: 'signature', ref: 'docusign-1' },
    }).expect(201);
  });
});
