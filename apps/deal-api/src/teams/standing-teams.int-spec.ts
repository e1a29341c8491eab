import { ADMIN, createTestApp, email, MANAGER, OPS, OTHER_MANAGER, OTHER_REP, REP, TestActor, TestApp } from '../testing/test-app';

const SAM: TestActor = { id: 'sam.se', roles: ['rep'] };
const SUE: TestActor = { id: 'sue.support', roles: ['rep'] };
const EVE: TestActor = { id: 'eve.sponsor', roles: ['manager'] };
const GONE: TestActor = { id: 'gone.rep', roles: ['rep'] };

const deal = (account: string) => ({ name: `${account} rollout`, account: { name: account }, currency: 'EUR', expectedAmount: '1000.00' });

describe('default deal teams and account teams over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    for (const user of [SAM, SUE, EVE, GONE]) await t.registerUser(user);
    await t.as(ADMIN).post(`/users/${GONE.id}/deactivate`, { reason: 'Left' }).expect(201);
  });
  afterAll(() => t.close());

  it('adds the rep\'s default team to a deal in the same append, each member naming the team, with what each may do', async () => {
    const members = [
      { userId: REP.id, role: 'account-executive' },
      { userId: SAM.id, role: 'sales-engineer' },
      { userId: SUE.id, role: 'support-rep', access: 'record-facts' },
    ];
    const set = await t.as(REP).post(`/users/${REP.id}/default-team`, { members, mode: 'add-automatically' }).expect(201);
    expect(set.body).toMatchObject({ of: REP.id, streamId: `default-team-${REP.id}`, events: [{ type: 'DefaultTeamSet' }] });
    const read = await t.as(REP).get(`/users/${REP.id}/default-team`).expect(200);
    expect(read.body).toMatchObject({ of: REP.id, exists: true, mode: 'add-automatically', setBy: REP.id, revision: 0 });
    expect(read.body.members).toEqual([
      { userId: REP.id, role: 'account-executive', access: 'full' },
      { userId: SAM.id, role: 'sales-engineer', access: 'full' },
      { userId: SUE.id, role: 'support-rep', access: 'record-facts' },
    ]);

    const opened = await t.as(REP).post('/deals', deal('Initech')).expect(201);
    expect(opened.body.events.map((e: { type: string }) => e.type)).toEqual(['DealOpened', 'TeamMemberAdded', 'TeamMemberAdded', 'TeamMemberAdded']);
    expect(opened.body.offeredTeam).toEqual([]);
    const { dealId } = opened.body;
    const events = (await t.as(REP).get(`/deals/${dealId}/events`).expect(200)).body.events as { type: string; data: Record<string, unknown> }[];
    expect(events.filter((e) => e.type === 'TeamMemberAdded').map((e) => e.data)).toEqual([
      { userId: REP.id, role: 'account-executive', source: { kind: 'default-team', ownerId: REP.id } },
      { userId: SAM.id, role: 'sales-engineer', source: { kind: 'default-team', ownerId: REP.id } },
      { userId: SUE.id, role: 'support-rep', access: 'record-facts', source: { kind: 'default-team', ownerId: REP.id } },
    ]);

    // Sue records buyer facts and reads the deal; she may not move it.
    await t.as(SUE).post(`/deals/${dealId}/buyer-responses`, { evidence: email('<reply@initech.example>') }).expect(201);
    await t.as(SUE).get(`/deals/${dealId}`).expect(200);
    const refused = await t.as(SUE).post(`/deals/${dealId}/stage/advance`, {}).expect(403);
    expect(refused.body.details).toMatchObject({ permission: 'deal:AdvanceStage', reason: 'team-access' });
    // Sam, with full access, may.
    await t.as(SAM).post(`/deals/${dealId}/meetings`, { meetingId: 'm1', scheduledFor: '2026-01-09T10:00:00.000Z', evidence: { kind: 'calendar', ref: 'm1' } }).expect(201);
    await t.as(SAM).post(`/deals/${dealId}/stage/advance`, {}).expect(201);
  });

  it('offers the team instead when the rep chose so: the answer and the deal list the offers, and the rep picks', async () => {
    const members = [{ userId: SAM.id, role: 'sales-engineer' }, { userId: EVE.id, role: 'executive-sponsor', access: 'read' }, { userId: SUE.id, role: 'support-rep' }];
    await t.as(OTHER_REP).post(`/users/${OTHER_REP.id}/default-team`, { members, mode: 'offer' }).expect(201);
    await t.as(ADMIN).post(`/users/${SUE.id}/deactivate`, { reason: 'On leave' }).expect(201);

    const opened = await t.as(OTHER_REP).post('/deals', { ...deal('Globex'), team: [{ userId: OTHER_REP.id, role: 'account-executive' }] }).expect(201);
    expect(opened.body.events.map((e: { type: string }) => e.type)).toEqual(['DealOpened', 'TeamMemberAdded']);
    const source = { kind: 'default-team', ownerId: OTHER_REP.id };
    expect(opened.body.offeredTeam).toEqual([
      { userId: SAM.id, role: 'sales-engineer', access: 'full', source },
      { userId: EVE.id, role: 'executive-sponsor', access: 'read', source },
    ]);
    const { dealId } = opened.body;
    expect((await t.as(OTHER_REP).get(`/deals/${dealId}/team/offers`).expect(200)).body.offered).toEqual(opened.body.offeredTeam);

    await t.as(OTHER_REP).post(`/deals/${dealId}/team`, { userId: EVE.id, role: 'executive-sponsor', access: 'read' }).expect(201);
    const after = await t.as(OTHER_REP).get(`/deals/${dealId}/team/offers`).expect(200);
    expect(after.body.offered).toEqual([{ userId: SAM.id, role: 'sales-engineer', access: 'full', source }]);
    await t.as(EVE).post(`/deals/${dealId}/buyer-responses`, { evidence: email('<r@globex.example>') }).expect(403);
    await t.as(OTHER_REP).get(`/deals/${REP.id}/team/offers`).expect(400);
    await t.as(ADMIN).post(`/users/${SUE.id}/reactivate`, { reason: 'Back' }).expect(201);
  });

  it('adds an account\'s team to every deal of the account, whatever case and blanks the name is typed with', async () => {
    const members = [{ userId: EVE.id, role: 'executive-sponsor', access: 'read' }];
    await t.as(OPS).post('/account-teams/Acme%20GmbH', { members, mode: 'add-automatically' }).expect(201);
    const read = await t.as(REP).get(`/account-teams/${encodeURIComponent('  ACME   gmbh ')}`).expect(200);
    expect(read.body).toMatchObject({ of: 'Acme GmbH', exists: true, mode: 'add-automatically', members: [{ userId: EVE.id, role: 'executive-sponsor', access: 'read' }] });

    const opened = await t.as(OTHER_REP).post('/deals', deal('acme gmbh')).expect(201);
    const events = (await t.as(OTHER_REP).get(`/deals/${opened.body.dealId}/events`).expect(200)).body.events as { type: string; data: Record<string, unknown> }[];
    expect(events.filter((e) => e.type === 'TeamMemberAdded').map((e) => e.data)).toContainEqual(
      { userId: EVE.id, role: 'executive-sponsor', access: 'read', source: { kind: 'account-team', account: 'Acme GmbH' } });
    const listed = await t.as(REP).get(`/account-teams?member=${EVE.id}&minPosition=${opened.body.position}`).expect(200);
    expect(listed.body.result).toEqual([expect.objectContaining({ account: 'Acme GmbH', accountKey: 'acme%20gmbh', setBy: OPS.id, mode: 'add-automatically' })]);
    // As of a past moment: before any team was set the list is empty; at the deal's opening it holds the team.
    expect((await t.as(REP).get('/account-teams?asOfPosition=0').expect(200)).body.result).toEqual([]);
    const then = await t.as(REP).get(`/account-teams?member=${EVE.id}&asOfPosition=${opened.body.position}`).expect(200);
    expect(then.body.result).toEqual([expect.objectContaining({ account: 'Acme GmbH', mode: 'add-automatically' })]);
    const unknown = await t.as(REP).get('/account-teams/Nobody%20Inc').expect(200);
    expect(unknown.body).toMatchObject({ of: 'Nobody Inc', exists: false, members: [], revision: -1 });
  });

  it('refuses members who are not registered and active, duplicates, unknown modes, and names the problem', async () => {
    const ineligible = await t.as(REP).post(`/users/${REP.id}/default-team`, { members: [{ userId: 'nobody.here', role: 'sales-engineer' }], mode: 'offer' }).expect(400);
    expect(ineligible.body).toMatchObject({ error: 'TEAM.MEMBER_INELIGIBLE', details: { index: 0, userId: 'nobody.here', problem: 'not a registered user' } });
    const gone = await t.as(REP).post(`/users/${REP.id}/default-team`, { members: [{ userId: GONE.id, role: 'sales-engineer' }], mode: 'offer' }).expect(400);
    expect(gone.body.details).toMatchObject({ problem: 'deactivated' });
    const twice = [{ userId: SAM.id, role: 'sales-engineer' }, { userId: SAM.id, role: 'sales-engineer', access: 'read' }];
    const duplicate = await t.as(REP).post(`/users/${REP.id}/default-team`, { members: twice, mode: 'offer' }).expect(400);
    expect(duplicate.body).toMatchObject({ error: 'TEAM.MEMBER_DUPLICATE', details: { index: 1, userId: SAM.id, role: 'sales-engineer' } });
    const mode = await t.as(REP).post(`/users/${REP.id}/default-team`, { members: [], mode: 'sometimes' }).expect(400);
    expect(mode.body.error).toBe('VALIDATION.FAILED');
    const unknownRep = await t.as(OPS).post('/users/nobody.here/default-team', { members: [], mode: 'offer' }).expect(404);
    expect(unknownRep.body.error).toBe('USER.NOT_FOUND');
  });

  it('lets the rep, their managers, sales-ops and admin set a default team, and nobody else', async () => {
    const team = (mode: string) => ({ members: [{ userId: SAM.id, role: 'sales-engineer' }], mode });
    await t.as(MANAGER).post(`/users/${REP.id}/default-team`, team('offer')).expect(201);
    await t.as(OPS).post(`/users/${REP.id}/default-team`, team('add-automatically')).expect(201);
    const unchanged = await t.as(ADMIN).post(`/users/${REP.id}/default-team`, team('add-automatically')).expect(201);
    expect(unchanged.body.events).toEqual([]);
    const other = await t.as(OTHER_REP).post(`/users/${REP.id}/default-team`, team('offer')).expect(403);
    expect(other.body.details).toMatchObject({ permission: 'team:SetDefaultTeam', reason: 'other-person' });
    await t.as(OTHER_MANAGER).post(`/users/${REP.id}/default-team`, team('offer')).expect(403);
    await t.as(OTHER_REP).get(`/users/${REP.id}/default-team`).expect(403);
    await t.as(MANAGER).get(`/users/${REP.id}/default-team`).expect(200);
    const self = await t.as(MANAGER).post(`/users/${REP.id}/default-team`, { members: [{ userId: MANAGER.id, role: 'executive-sponsor' }], mode: 'offer' }).expect(403);
    expect(self.body.details).toMatchObject({ permission: 'team:SetDefaultTeam', reason: 'self' });
  });

  it('lets sales-ops and admin set an account team, never with themselves on it', async () => {
    const team = { members: [{ userId: SAM.id, role: 'sales-engineer' }], mode: 'offer' };
    await t.as(ADMIN).post('/account-teams/Umbrella', team).expect(201);
    for (const actor of [REP, MANAGER]) {
      const refused = await t.as(actor).post('/account-teams/Umbrella', team).expect(403);
      expect(refused.body.details).toMatchObject({ permission: 'team:SetAccountTeam', reason: 'role' });
    }
    const self = await t.as(OPS).post('/account-teams/Umbrella', { members: [{ userId: OPS.id, role: 'marketing-rep' }], mode: 'offer' }).expect(403);
    expect(self.body.details).toMatchObject({ permission: 'team:SetAccountTeam', reason: 'self' });
  });
});
