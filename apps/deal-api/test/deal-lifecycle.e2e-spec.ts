import {
  approveIfProposed, createTestApp, email, IMPLEMENTATION, MANAGER, openAcme, reachProductEvaluated, REP, TestApp,
} from '../src/testing/test-app';

// A deal's whole life, from first contact to the customer going live, read back with
// actor, business time, recorded time and evidence on every event.
describe('Whole deal lifecycle over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('records every step through live and reads it back', async () => {
    const dealId = await openAcme(t);
    await t.as(REP).post(`/deals/${dealId}/contacts`, { channel: 'email', evidence: email('<intro@rep.example>'), occurredAt: '2026-01-05T10:00:00.000Z' }).expect(201);
    await reachProductEvaluated(t, dealId);
    const steps: [string, object, typeof REP][] = [
      ['demos', { attended: true, questionsAnswered: true, evidence: { kind: 'meeting', ref: 'zoom-1' }, occurredAt: '2026-01-20T10:00:00.000Z' }, REP],
      ['next-meetings', { meetingId: 'cal-3', scheduledFor: '2026-01-27T10:00:00.000Z', evidence: { kind: 'calendar', ref: 'cal-3' }, occurredAt: '2026-01-20T10:50:00.000Z' }, REP],
      ['recap-emails', { evidence: email('<recap@rep.example>'), occurredAt: '2026-01-20T15:00:00.000Z' }, REP],
      ['recap-confirmations', { evidence: email('<recap-ok@acme.example>'), occurredAt: '2026-01-21T09:00:00.000Z' }, REP],
      ['stage/advance', { occurredAt: '2026-01-21T09:30:00.000Z' }, REP],
      ['proposals', { evidence: { kind: 'document', ref: 'proposal-v1.pdf', url: 'https://docs.example/p/1' }, occurredAt: '2026-02-02T10:00:00.000Z' }, REP],
      ['proposal-acknowledgements', { evidence: email('<got-it@acme.example>'), occurredAt: '2026-02-03T10:00:00.000Z' }, REP],
      ['stage/advance', { occurredAt: '2026-02-03T11:00:00.000Z' }, REP],
      ['terms', { price: '100000.00', paymentTerms: 'Net 30', deliveryTimeline: 'Go-live by May', evidence: email('<terms-ok@acme.example>'), occurredAt: '2026-03-20T10:00:00.000Z' }, REP],
      ['close-won', { signedOrder: { kind: 'signature', ref: 'docusign-777' }, occurredAt: '2026-03-25T16:00:00.000Z' }, REP],
      ['handoff', { implementationLeadId: 'ivan.impl', customerSuccessManagerId: 'olivia.csm', occurredAt: '2026-03-27T09:00:00.000Z' }, IMPLEMENTATION],
      ['implementation/start', { evidence: { kind: 'meeting', ref: 'kickoff-1' }, occurredAt: '2026-04-01T09:00:00.000Z' }, IMPLEMENTATION],
      ['go-live', { evidence: email('<live@acme.example>'), occurredAt: '2026-04-20T09:00:00.000Z' }, IMPLEMENTATION],
    ];
    for (const [path, body, actor] of steps) {
      const res = await t.as(actor).post(`/deals/${dealId}/${path}`, body);
      expect({ path, status: res.status, body: res.status === 201 ? undefined : res.body }).toEqual({ path, status: 201, body: undefined });
      // The close is dated months back: it waits for, and gets, the manager's approval.
      if (path === 'close-won') expect(res.body.proposalId).toEqual(expect.any(String));
      await approveIfProposed(t, dealId, res.body, MANAGER);
    }

    const deal = await t.as(REP).get(`/deals/${dealId}`).expect(200);
    expect(deal.body.stage.stageId).toBe('live');
    expect(deal.body.state.status).toBe('won');
    expect(deal.headers.etag).toBe(`"${deal.body.revision}"`);

    const history = await t.as(REP).get(`/deals/${dealId}/events`).expect(200);
    const events = history.body.events as {
      type: string; revision: number; position: number; data: { evidence?: { ref: string }; signedOrder?: { ref: string } };
      metadata: { actor: { id: string; roles: string[] }; occurredAt: string; recordedAt: string; commandId: string };
      hash: string; prevHash: string;
    }[];
    const types = events.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining([
      'DealOpened', 'ContactMade', 'RecapConfirmedByBuyer', 'DealClosedWon', 'DealHandedToImplementation',
      'ImplementationStarted', 'DealWentLive',
    ]));
    expect(types.indexOf('DealClosedWon')).toBeLessThan(types.indexOf('DealHandedToImplementation'));
    expect(types.indexOf('ImplementationStarted')).toBeLessThan(types.indexOf('DealWentLive'));
    events.forEach((e, i) => {
      expect(e.revision).toBe(i);
      expect(e.metadata.actor.id).toMatch(/\S/);
      expect(Date.parse(e.metadata.occurredAt)).not.toBeNaN();
      expect(Date.parse(e.metadata.recordedAt)).toBeGreaterThanOrEqual(Date.parse(e.metadata.occurredAt));
      if (i > 0) expect(e.prevHash).toBe(events[i - 1].hash);
    });
    const live = events.find((e) => e.type === 'DealWentLive')!;
    expect(live.metadata.actor).toEqual({ id: 'ivan.impl', roles: ['implementation'] });
    expect(live.metadata.occurredAt).toBe('2026-04-20T09:00:00.000Z');
    expect(live.data.evidence?.ref).toBe('<live@acme.example>');
    const won = events.find((e) => e.type === 'DealClosedWon')!;
    expect(won.data.signedOrder?.ref).toBe('docusign-777');
    expect(won.metadata.occurredAt).toBe('2026-03-25T16:00:00.000Z');
  });
});
