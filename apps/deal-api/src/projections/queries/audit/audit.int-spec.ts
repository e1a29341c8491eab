import { createTestApp, email, OTHER_REP, openAcme, REP, TestApp } from '../../../testing/test-app';

describe('who worked a deal, over HTTP (real SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.registerUser({ id: 'sam.se', roles: ['rep'] });
  });
  afterAll(() => t.close());

  // Ana recorded four events: the opening, herself on the team, Sam on the team, the buyer's response.
  it('lists a deal\'s participants with their roles, and a person\'s deals worked; each for whoever may read them', async () => {
    const dealId = await openAcme(t, REP);
    await t.as(REP).post(`/deals/${dealId}/team`, { userId: 'sam.se', role: 'sales-engineer' }).expect(201);
    const recorded = await t.as(REP).post(`/deals/${dealId}/buyer-responses`, { evidence: email('<r@x>') }).expect(201);
    const wait = `minPosition=${recorded.body.position}`;

    const participants = await t.as(REP).get(`/audit/deals/${dealId}/participants?${wait}`).expect(200);
    const byPerson = new Map((participants.body.result as { personId: string; isOwner: boolean; roles: { role: string }[] }[]).map((p) => [p.personId, p]));
    expect(byPerson.get(REP.id)).toMatchObject({ isOwner: true, roles: [expect.objectContaining({ role: 'account-executive' })] });
    expect(byPerson.get('sam.se')).toMatchObject({ isOwner: false, roles: [expect.objectContaining({ role: 'sales-engineer' })] });

    const worked = await t.as(REP).get(`/audit/people/${REP.id}/deals-worked?${wait}`).expect(200);
    expect(worked.body.result).toContainEqual(expect.objectContaining({ dealId, isOwner: true, roles: ['account-executive'], eventsRecorded: 4 }));

    expect((await t.as(OTHER_REP).get(`/audit/deals/${dealId}/participants`).expect(403)).body.details.permission).toBe('deal:read');
    expect((await t.as(OTHER_REP).get(`/audit/people/${REP.id}/deals-worked`).expect(403)).body.details.permission).toBe('person:read');
  });
});
