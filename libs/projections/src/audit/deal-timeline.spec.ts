import { foldEvents } from '../testing/fold-events';
import { DealAuditDocument, TimelineEntry } from './audit.document';
import { auditProjection } from './audit.projection';
import { RECAP_REPLY, SIGNED_ORDER, twoDeals } from './testing/audit-fixtures';

const events = twoDeals();
const model = foldEvents(auditProjection, events);
const acme = model.get('deal:acme') as DealAuditDocument;
const globex = model.get('deal:globex') as DealAuditDocument;
const entry = (doc: DealAuditDocument, type: string): TimelineEntry => {
  const found = doc.timeline.find((e) => e.type === type);
  if (!found) throw new Error(`no ${type} in ${doc.dealId}`);
  return found;
};

describe('audit projection: a deal timeline', () => {
  it('has one entry per event of the deal, in stream order, with its ids, positions and both times', () => {
    const acmeEvents = events.filter((e) => e.streamId === 'deal-acme');
    expect(acme.timeline.map((e) => [e.revision, e.position, e.eventId, e.type, e.occurredAt, e.recordedAt])).toEqual(
      acmeEvents.map((e) => [e.revision, e.position, e.eventId, e.type, e.metadata.occurredAt, e.metadata.recordedAt]),
    );
    expect(acme.timeline.map((e) => e.revision)).toEqual([...Array(18).keys()]);
    expect(acme.lastPosition).toBe(25);
  });

  it('knows the deal name, account and owner from DealOpened, and its current team', () => {
    expect(acme).toMatchObject({ dealId: 'acme', name: 'Acme platform', account: { name: 'Acme', industry: 'manufacturing' }, ownerId: 'ana' });
    expect(acme.team.map((m) => [m.userId, m.role, m.since.occurredAt])).toEqual([
      ['ana', 'account-executive', '2026-03-01T09:00:00.000Z'],
      ['ben', 'account-executive', '2026-03-01T09:00:00.000Z'],
      ['ivan', 'implementation-lead', '2026-04-14T09:00:00.000Z'],
      ['cara', 'customer-success-manager', '2026-04-14T09:00:00.000Z'],
    ]);
    expect(acme.participants).toEqual(['ana', 'ben', 'sam', 'mia', 'ivan', 'cara']);
  });

  it('says who did what in which role, in plain words', () => {
    const recap = entry(acme, 'RecapConfirmedByBuyer');
    expect(recap.summary).toBe("ana (account-executive) recorded the buyer's recap confirmation");
    expect(recap.actor).toEqual({ id: 'ana', organisationRoles: ['rep'], dealRoles: ['account-executive'], isOwner: true });
    expect(entry(acme, 'TeamMemberRemoved').summary).toBe('mia (manager, not on the deal team) removed sam from the team as sales-engineer');
    expect(entry(acme, 'DealClosedWon').summary).toBe('ana (account-executive) closed the deal won at 100000.00 EUR');
  });

  it('carries every piece of evidence in the event, with where it was found and the criterion it met', () => {
    expect(entry(acme, 'RecapConfirmedByBuyer').evidence).toEqual([{ path: 'evidence', ...RECAP_REPLY }]);
    expect(entry(acme, 'DealClosedWon').evidence).toEqual([{ path: 'signedOrder', ...SIGNED_ORDER }]);
    expect(entry(acme, 'StageAdvanced').evidence.filter((e) => e.criterionId === 'recap-confirmed')).toEqual([
      { path: 'satisfiedBy[2].evidence[0]', criterionId: 'recap-confirmed', kind: 'email', ref: '<recap-42@us.example>' },
      { path: 'satisfiedBy[2].evidence[1]', criterionId: 'recap-confirmed', ...RECAP_REPLY },
    ]);
    expect(entry(acme, 'StageAdvanced').evidence).toHaveLength(4);
    expect(entry(acme, 'DealOpened').evidence).toEqual([]);
  });

  it('gives the actor the team roles they held at the moment: not before being added, not after being removed', () => {
    const sams = acme.timeline.filter((e) => e.actor.id === 'sam').map((e) => [e.type, e.actor.dealRoles]);
    expect(sams).toEqual([
      ['BuyerResponded', []],
      ['DemoHeld', ['sales-engineer']],
      ['NextMeetingScheduled', ['sales-engineer']],
      ['ProposalDelivered', []],
    ]);
    expect(entry(acme, 'BuyerResponded').summary).toBe("sam (rep, not on the deal team) recorded the buyer's response");
  });

  it('counts the owner as account executive while not on the team', () => {
    expect(entry(acme, 'DealOpened').actor).toMatchObject({ id: 'ana', dealRoles: ['account-executive'], isOwner: true });
    expect(entry(globex, 'BuyerResponded').actor).toMatchObject({ id: 'ben', dealRoles: ['account-executive'], isOwner: true });
    expect(globex.timeline.filter((e) => e.actor.id === 'mia').map((e) => e.actor.dealRoles)).toEqual([[], [], []]);
    expect(globex.team.map((m) => [m.userId, m.role])).toEqual([['ben', 'account-executive'], ['sam', 'executive-sponsor']]);
  });

  it('shows a backdated event with both its business time and its record time', () => {
    const recap = entry(acme, 'RecapConfirmedByBuyer');
    expect([recap.occurredAt, recap.recordedAt]).toEqual(['2026-03-12T17:00:00.000Z', '2026-03-14T08:00:00.000Z']);
    const won = entry(acme, 'DealClosedWon');
    expect([won.occurredAt, won.recordedAt]).toEqual(['2026-03-25T16:00:00.000Z', '2026-04-11T09:00:00.000Z']);
  });

  it('keeps an event type it does not know in the timeline, with its evidence, and changes no team for it', () => {
    const legacy = entry(acme, 'LegacyNoteImported');
    expect(legacy).toMatchObject({
      revision: 17, summary: 'ivan (implementation-lead) recorded LegacyNoteImported',
      evidence: [{ path: 'attachments[0]', kind: 'document', ref: 'crm-note-3', note: 'imported' }],
    });
    const before = foldEvents(auditProjection, events.slice(0, -1)).get('deal:acme') as DealAuditDocument;
    expect(acme.team).toEqual(before.team);
    expect(model.get('person:sam/acme')).toEqual(foldEvents(auditProjection, events.slice(0, -1)).get('person:sam/acme'));
  });
});
