import { foldEvents } from '../testing/fold-events';
import { DealAuditDocument, PersonDealDocument, RoleInterval } from './audit.document';
import { auditProjection } from './audit.projection';
import { twoDeals } from './testing/audit-fixtures';

const events = twoDeals();
const model = foldEvents(auditProjection, events);
/** The person's deals in order of first involvement. */
const dealsOf = (id: string): PersonDealDocument[] => [...model.values()]
  .filter((doc): doc is PersonDealDocument => doc.kind === 'person-deal' && doc.personId === id)
  .sort((a, b) => a.firstPosition - b.firstPosition);
const dealOf = (id: string, dealId: string): PersonDealDocument => {
  const found = model.get(`person:${id}/${dealId}`);
  if (found?.kind !== 'person-deal') throw new Error(`${id} has no ${dealId}`);
  return found;
};
const intervals = (roles: readonly RoleInterval[]) => roles.map((r) => [r.role, r.basis, r.from.occurredAt, r.to?.occurredAt]);

describe('audit projection: the deals a person worked', () => {
  it('lists every deal a person worked, with the roles they held and from when to when', () => {
    expect(dealsOf('sam').map((d) => d.dealId)).toEqual(['acme', 'globex']);
    expect(intervals(dealOf('sam', 'acme').roles)).toEqual([
      ['sales-engineer', 'team', '2026-03-06T10:00:00.000Z', '2026-03-16T09:00:00.000Z'],
    ]);
    expect(intervals(dealOf('sam', 'globex').roles)).toEqual([
      ['sales-engineer', 'team', '2026-04-02T09:00:00.000Z', '2026-04-10T09:00:00.000Z'],
      ['executive-sponsor', 'team', '2026-04-10T09:00:00.000Z', undefined],
    ]);
    // The removal was recorded four days after it happened.
    expect(dealOf('sam', 'acme').roles[0].to?.recordedAt).toBe('2026-03-20T09:00:00.000Z');
  });

  it('lists the events they recorded, with the roles they held at each and both times', () => {
    expect(dealOf('sam', 'acme').recorded.map((e) => [e.type, e.dealRoles, e.occurredAt, e.recordedAt, e.position])).toEqual([
      ['BuyerResponded', [], '2026-03-05T10:00:00.000Z', '2026-03-05T10:00:00.000Z', 5],
      ['DemoHeld', ['sales-engineer'], '2026-03-10T15:00:00.000Z', '2026-03-10T15:00:00.000Z', 7],
      ['NextMeetingScheduled', ['sales-engineer'], '2026-03-13T09:00:00.000Z', '2026-03-13T09:00:00.000Z', 9],
      ['ProposalDelivered', [], '2026-03-21T09:00:00.000Z', '2026-03-21T09:00:00.000Z', 13],
    ]);
    expect(dealOf('sam', 'acme').activity).toEqual({
      firstOccurredAt: '2026-03-05T10:00:00.000Z', lastOccurredAt: '2026-03-21T09:00:00.000Z',
      firstRecordedAt: '2026-03-05T10:00:00.000Z', lastRecordedAt: '2026-03-21T09:00:00.000Z',
    });
  });

  it('spans activity by business time even when an event is backdated', () => {
    const won = dealOf('ana', 'acme').recorded.find((e) => e.type === 'DealClosedWon');
    expect(won).toMatchObject({ occurredAt: '2026-03-25T16:00:00.000Z', recordedAt: '2026-04-11T09:00:00.000Z' });
    expect(dealOf('ana', 'acme').activity).toMatchObject({
      lastOccurredAt: '2026-04-14T09:00:00.000Z', lastRecordedAt: '2026-04-14T09:00:00.000Z',
    });
  });

  it('gives the owner an implicit account-executive role until they join the team', () => {
    expect(dealOf('ben', 'globex').isOwner).toBe(true);
    expect(intervals(dealOf('ben', 'globex').roles)).toEqual([
      ['account-executive', 'owner', '2026-04-01T09:00:00.000Z', '2026-04-05T09:00:00.000Z'],
      ['account-executive', 'team', '2026-04-05T09:00:00.000Z', undefined],
    ]);
  });

  it('records no implicit role when the owner joins the team in the command that opens the deal', () => {
    expect(dealOf('ana', 'acme').isOwner).toBe(true);
    expect(intervals(dealOf('ana', 'acme').roles)).toEqual([['account-executive', 'team', '2026-03-01T09:00:00.000Z', undefined]]);
  });

  it('includes people only put on the team, with the events that named them', () => {
    const ivan = dealOf('ivan', 'acme');
    expect(intervals(ivan.roles)).toEqual([['implementation-lead', 'team', '2026-04-14T09:00:00.000Z', undefined]]);
    expect(ivan.namedIn.map((e) => [e.type, e.as, e.by])).toEqual([
      ['DealHandedToImplementation', 'implementation-lead', 'ana'],
      ['TeamMemberAdded', 'implementation-lead', 'ana'],
    ]);
    expect(dealOf('cara', 'acme')).toMatchObject({ recorded: [], roles: [{ role: 'customer-success-manager', basis: 'team' }] });
    expect(dealsOf('cara')).toHaveLength(1);
  });

  it('includes people who only recorded, with no role', () => {
    expect(dealsOf('mia').map((d) => [d.dealId, d.roles, d.recorded.length])).toEqual([['acme', [], 1], ['globex', [], 3]]);
  });

  it('agrees with the deal timeline on the role each person held for each event they recorded', () => {
    for (const dealId of ['acme', 'globex']) {
      const timeline = (model.get(`deal:${dealId}`) as DealAuditDocument).timeline;
      for (const entry of timeline) {
        const recorded = dealOf(entry.actor.id, dealId).recorded.find((e) => e.eventId === entry.eventId);
        expect([entry.type, recorded?.dealRoles]).toEqual([entry.type, entry.actor.dealRoles]);
      }
    }
  });
});
