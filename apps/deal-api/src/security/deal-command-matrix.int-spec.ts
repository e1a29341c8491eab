import { DealCommandType, ORGANISATION_ROLES, OrganisationRole } from '@deals/domain';
import { expectedAllowed, Situation, SITUATIONS } from '@deals/domain/access/testing/expected-deal-permissions';
import { createTestApp, MANAGER, TestActor, TestApp } from '../testing/test-app';
import { headOf, openDealOf, winDeal, writtenSince } from './testing/security-harness';

const ev = { kind: 'email', ref: '<x@acme.example>' };
/** One valid request per deal command, so validation never hides the access decision; the reversal last (it un-wins the deal). */
const REQUESTS: Record<Exclude<DealCommandType, 'OpenDeal'>, [method: 'post' | 'delete', path: string, body?: object]> = {
  RecordContactMade: ['post', 'contacts', { channel: 'email', evidence: ev }],
  RecordBuyerResponded: ['post', 'buyer-responses', { evidence: ev }],
  BookMeeting: ['post', 'meetings', { meetingId: 'm1', scheduledFor: '2026-01-09T10:00:00.000Z', evidence: ev }],
  ConfirmDecisionMaker: ['post', 'decision-maker', { contactName: 'Pat', evidence: ev }],
  NoteBudget: ['post', 'budget', { max: '1000.00', evidence: ev }],
  NoteDecisionTimeframe: ['post', 'decision-timeframe', { decisionBy: '2026-03-31', evidence: ev }],
  RecordDemoHeld: ['post', 'demos', { attended: true, questionsAnswered: true, evidence: ev }],
  ScheduleNextMeeting: ['post', 'next-meetings', { meetingId: 'm2', scheduledFor: '2026-01-19T10:00:00.000Z', evidence: ev }],
  RecordRecapEmailSent: ['post', 'recap-emails', { evidence: ev }],
  RecordRecapConfirmed: ['post', 'recap-confirmations', { evidence: ev }],
  DeliverProposal: ['post', 'proposals', { evidence: ev }],
  RecordProposalAcknowledged: ['post', 'proposal-acknowledgements', { evidence: ev }],
  RecordBuyerFact: ['post', 'facts/security-questionnaire-signed', { attributes: { signedBy: 'Pat' }, evidence: { kind: 'signature', ref: 'sq-1' } }],
  MigrateDealPipeline: ['post', 'pipeline/migration', { toVersion: 1 }],
  AgreeTerms: ['post', 'terms', { price: '100000.00', paymentTerms: 'Net 30', deliveryTimeline: 'May', evidence: ev }],
  ChangeAmount: ['post', 'amount', { expectedAmount: '90000.00', reason: 'Scope cut' }],
  AdvanceStage: ['post', 'stage/advance', {}],
  OverrideStage: ['post', 'stage/override', { toStageId: 'qualified', reason: 'Steering meeting' }],
  SetCreditSplits: ['post', 'splits', { revenue: [{ userId: 'owner.rep', role: 'account-executive', shareBp: 10_000 }] }],
  CloseWon: ['post', 'close-won', { signedOrder: { kind: 'signature', ref: 'order-1' } }],
  CloseLost: ['post', 'close-lost', { reason: 'No budget' }],
  HandToImplementation: ['post', 'handoff', { implementationLeadId: 'impl.x', customerSuccessManagerId: 'csm.x' }],
  StartImplementation: ['post', 'implementation/start', {}],
  GoLive: ['post', 'go-live', { evidence: ev }],
  AddTeamMember: ['post', 'team', { userId: 'newcomer.x', role: 'marketing-rep' }],
  RemoveTeamMember: ['delete', 'team/nobody.x/marketing-rep'],
  ReviewDealChange: ['post', 'changes/00000000-0000-4000-8000-000000000000/review', { decision: 'reject', reason: 'No' }],
  WithdrawDealChange: ['post', 'changes/00000000-0000-4000-8000-000000000000/withdrawal', {}],
  DecideDealDesk: ['post', 'deal-desk/00000000-0000-4000-8000-000000000000/decision', { decision: 'reject', reason: 'Margin too thin' }],
  ReverseWonDeal: ['post', 'reversal', { reason: 'Order cancelled' }],
};

const actorFor = (role: OrganisationRole): TestActor => ({ id: `${role}.matrix`, roles: [role] });
/** Each matrix actor has a report of their own, who owns or works some deals. */
const reportOf = (role: OrganisationRole): TestActor => ({ id: `report.of.${role}`, roles: ['rep'] });
const OWNER: TestActor = { id: 'owner.rep', roles: ['rep'] };
const OPENERS: readonly OrganisationRole[] = ['rep', 'manager', 'admin', 'integration'];

describe('deal commands over HTTP against the hand-written table: every command × role × situation (real SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.registerUser({ ...OWNER, managerId: MANAGER.id });
    for (const role of ORGANISATION_ROLES) {
      await t.registerUser(actorFor(role));
      await t.registerUser({ ...reportOf(role), managerId: actorFor(role).id });
    }
  });
  afterAll(() => t.close());

  /** A deal per role and situation: where that role's actor stands towards it. */
  async function dealFor(role: OrganisationRole, situation: Situation): Promise<string> {
    const me = actorFor(role);
    const report = reportOf(role);
    const ae = (userId: string) => ({ userId, role: 'account-executive' });
    switch (situation) {
      case 'owner': return openDealOf(t, me, [ae(me.id)]);
      case 'on the team': return openDealOf(t, OWNER, [ae(OWNER.id), { userId: me.id, role: 'sales-engineer' }]);
      case 'support rep on the team': return openDealOf(t, OWNER, [ae(OWNER.id), { userId: me.id, role: 'support-rep' }]);
      case 'not on the team': return openDealOf(t, OWNER);
      case 'a report owns it': return openDealOf(t, report, [ae(report.id)]);
      case 'a report is on the team': return openDealOf(t, OWNER, [ae(OWNER.id), { userId: report.id, role: 'sales-engineer' }]);
      case 'won, not on the team': {
        const dealId = await openDealOf(t, OWNER);
        await winDeal(t, dealId, OWNER, MANAGER);
        return dealId;
      }
    }
  }

  it('allows exactly what the table allows, and a refusal writes nothing', async () => {
    const deals = new Map<string, string>();
    for (const role of ORGANISATION_ROLES) {
      for (const situation of SITUATIONS) {
        // Only the roles that open deals can own one; for the others "owner" is not a situation.
        if (situation === 'owner' && !OPENERS.includes(role)) continue;
        deals.set(`${role}/${situation}`, await dealFor(role, situation));
      }
    }
    const mismatches: string[] = [];
    let checked = 0;
    for (const role of ORGANISATION_ROLES) {
      const res = await t.as(actorFor(role)).post('/deals', { name: 'N', account: { name: 'N' }, currency: 'EUR', expectedAmount: '1.00' });
      checked++;
      const allowed = expectedAllowed('OpenDeal', role, 'owner');
      if (allowed !== (res.status === 201)) mismatches.push(`OpenDeal by ${role}: expected ${allowed ? 'allowed' : 'refused'}, got ${res.status} ${res.body.error}`);
    }
    for (const [type, [method, path, body]] of Object.entries(REQUESTS) as [DealCommandType, (typeof REQUESTS)[keyof typeof REQUESTS]][]) {
      for (const role of ORGANISATION_ROLES) {
        for (const situation of SITUATIONS) {
          const dealId = deals.get(`${role}/${situation}`);
          if (dealId === undefined) continue;
          checked++;
          const before = await headOf(t);
          const builder = t.as(actorFor(role));
          const url = `/deals/${dealId}/${path}`;
          const res = method === 'post' ? await builder.post(url, body) : await builder.delete(url);
          const refused = res.status === 403 && res.body.error === 'AUTH.PERMISSION_DENIED' && res.body.details?.permission === `deal:${type}`;
          const allowed = expectedAllowed(type, role, situation);
          if (allowed && (refused || res.status === 403 || res.body.error === 'VALIDATION.FAILED')) {
            mismatches.push(`${type} by ${role} (${situation}): expected allowed, got ${res.status} ${res.body.error}`);
          }
          if (!allowed && !refused) mismatches.push(`${type} by ${role} (${situation}): expected 403 AUTH.PERMISSION_DENIED, got ${res.status} ${res.body.error}`);
          if (refused && (await writtenSince(t, before)).length > 0) mismatches.push(`${type} by ${role} (${situation}): refused but wrote events`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(25 * 7 * 6);
  }, 300_000); // over 1,000 HTTP requests: a minute on a loaded two-core machine
});
