import { foldEvents } from '../testing/fold-events';
import { auditProjection } from './audit.projection';
import { dealParticipants, dealsWorkedBy, dealTimeline, personDeals } from './audit.queries';
import { EventLog } from '../testing/recorded-events';
import { email, twoDeals } from './testing/audit-fixtures';

const events = twoDeals();
const model = foldEvents(auditProjection, events);
const all = { offset: 0, limit: 100 };

describe('audit queries', () => {
  it('answers undefined for a deal or person it has never seen', () => {
    expect(dealTimeline(model, 'initech', { timeBasis: 'occurred', ...all })).toBeUndefined();
    expect(personDeals(model, 'zoe', { timeBasis: 'occurred' })).toBeUndefined();
    expect(dealsWorkedBy(model, 'zoe', { timeBasis: 'occurred' })).toBeUndefined();
    expect(dealParticipants(model, 'initech', { timeBasis: 'occurred' })).toBeUndefined();
  });

  it('orders a timeline by the chosen time: a backdated event sits where it happened, or where it was recorded', () => {
    const window = { from: '2026-03-11', to: '2026-03-15' };
    const byOccurred = dealTimeline(model, 'acme', { ...window, timeBasis: 'occurred', ...all });
    expect(byOccurred?.entries.map((e) => e.type)).toEqual(['RecapEmailSent', 'RecapConfirmedByBuyer', 'NextMeetingScheduled']);
    const byRecorded = dealTimeline(model, 'acme', { ...window, timeBasis: 'recorded', ...all });
    expect(byRecorded?.entries.map((e) => e.type)).toEqual(['RecapEmailSent', 'NextMeetingScheduled', 'RecapConfirmedByBuyer']);
  });

  it('filters a timeline by business time or by record time', () => {
    // Closed won on 25 March, recorded on 11 April.
    const march = { from: '2026-03-01', to: '2026-04-01', ...all };
    const types = (basis: 'occurred' | 'recorded') => dealTimeline(model, 'acme', { ...march, timeBasis: basis })?.entries.map((e) => e.type);
    expect(types('occurred')).toContain('DealClosedWon');
    expect(types('recorded')).not.toContain('DealClosedWon');
    expect(dealTimeline(model, 'acme', { from: '2026-03-16T09:00:00Z', to: '2026-03-17', timeBasis: 'occurred', ...all })?.entries
      .map((e) => e.type)).toEqual(['TeamMemberRemoved']);
    expect(dealTimeline(model, 'acme', { from: '2026-03-16T09:00:00Z', to: '2026-03-17', timeBasis: 'recorded', ...all })?.entries)
      .toEqual([]);
  });

  it('pages a timeline and says how many entries the period holds', () => {
    const page = dealTimeline(model, 'acme', { timeBasis: 'recorded', offset: 3, limit: 2 });
    expect(page).toMatchObject({ dealId: 'acme', name: 'Acme platform', ownerId: 'ana', total: 18, offset: 3, limit: 2 });
    expect(page?.entries.map((e) => e.revision)).toEqual([3, 4]);
    expect(page?.team).toHaveLength(4);
    expect(dealTimeline(model, 'acme', { timeBasis: 'recorded', offset: 17, limit: 10 })?.entries.map((e) => e.type))
      .toEqual(['LegacyNoteImported']);
  });

  it("shows a person's deals in a period, with the roles held in it and what they recorded in it", () => {
    const march = personDeals(model, 'sam', { from: '2026-03-01', to: '2026-04-01', timeBasis: 'occurred' });
    expect(march?.deals.map((d) => [d.dealId, d.name, d.roles.map((r) => r.role), d.recorded.length])).toEqual([
      ['acme', 'Acme platform', ['sales-engineer'], 4],
    ]);
    const april = personDeals(model, 'sam', { from: '2026-04-01', to: '2026-05-01', timeBasis: 'occurred' });
    expect(april?.deals.map((d) => [d.dealId, d.roles.map((r) => r.role), d.recorded.map((e) => e.type)])).toEqual([
      ['globex', ['sales-engineer', 'executive-sponsor'], ['DemoHeld']],
    ]);
    const late = personDeals(model, 'sam', { from: '2026-04-10T09:00:00Z', timeBasis: 'occurred' });
    expect(late?.deals.map((d) => [d.dealId, d.roles.map((r) => r.role)])).toEqual([['globex', ['executive-sponsor']]]);
  });

  it('includes a deal for a role held in the period even without activity, and answers empty when nothing is in it', () => {
    const cara = personDeals(model, 'cara', { from: '2026-06-01', to: '2026-07-01', timeBasis: 'occurred' });
    expect(cara?.deals.map((d) => [d.dealId, d.recorded.length, d.roles.map((r) => r.role)])).toEqual([
      ['acme', 0, ['customer-success-manager']],
    ]);
    expect(personDeals(model, 'cara', { to: '2026-04-01', timeBasis: 'occurred' })).toEqual({ personId: 'cara', deals: [] });
  });

  it("filters a person's activity by business time or by record time", () => {
    // Mia removed Sam on 16 March, recorded on 20 March; she holds no role on Acme.
    const week = { from: '2026-03-18', to: '2026-03-22' };
    expect(personDeals(model, 'mia', { ...week, timeBasis: 'occurred' })?.deals).toEqual([]);
    expect(personDeals(model, 'mia', { ...week, timeBasis: 'recorded' })?.deals.map((d) => [d.dealId, d.recorded.map((e) => e.type)]))
      .toEqual([['acme', ['TeamMemberRemoved']]]);
  });

  it('summarises the deals a person worked', () => {
    expect(dealsWorkedBy(model, 'sam', { timeBasis: 'occurred' })).toEqual([
      {
        dealId: 'acme', name: 'Acme platform', isOwner: false, roles: ['sales-engineer'], eventsRecorded: 4,
        activity: {
          firstOccurredAt: '2026-03-05T10:00:00.000Z', lastOccurredAt: '2026-03-21T09:00:00.000Z',
          firstRecordedAt: '2026-03-05T10:00:00.000Z', lastRecordedAt: '2026-03-21T09:00:00.000Z',
        },
      },
      {
        dealId: 'globex', name: 'Globex rollout', isOwner: false, roles: ['sales-engineer', 'executive-sponsor'], eventsRecorded: 1,
        activity: {
          firstOccurredAt: '2026-04-08T09:00:00.000Z', lastOccurredAt: '2026-04-08T09:00:00.000Z',
          firstRecordedAt: '2026-04-08T09:00:00.000Z', lastRecordedAt: '2026-04-08T09:00:00.000Z',
        },
      },
    ]);
  });

  it('never shows a person the deals of someone whose id starts with theirs', () => {
    const log = new EventLog();
    const ana2 = { id: 'ana2', roles: ['rep'] };
    log.deal('hooli').by(ana2).at('2026-05-01T09:00:00Z')
      .add('TeamMemberAdded', { userId: 'ana.x', role: 'sales-engineer' })
      .add('ContactMade', { channel: 'email', evidence: email('<hooli-1@us.example>') });
    log.deal('aaa').by(ana2).at('2026-05-02T09:00:00Z').add('ContactMade', { channel: 'phone', evidence: email('<aaa-1@us.example>') });
    const wider = foldEvents(auditProjection, [...events, ...log.events.map((e) => ({ ...e, position: e.position + events.length }))]);
    const ever = { timeBasis: 'occurred' } as const;

    expect(personDeals(wider, 'ana', ever)).toEqual(personDeals(model, 'ana', ever));
    expect(personDeals(wider, 'ana2', ever)?.deals.map((d) => d.dealId)).toEqual(['hooli', 'aaa']);
    expect(dealsWorkedBy(wider, 'ana.x', ever)?.map((d) => [d.dealId, d.roles])).toEqual([['hooli', ['sales-engineer']]]);
    expect(personDeals(wider, 'an', ever)).toBeUndefined();
    expect(personDeals(wider, 'ana/acme', ever)).toBeUndefined();
  });

  it("keeps a person's deals in order of first involvement, however the model lists its documents", () => {
    const ever = { timeBasis: 'occurred' } as const;
    const reversed = new Map([...model].reverse());
    const indexedBackwards = Object.assign(new Map(model), {
      entriesWithPrefix: (prefix: string) => [...model].filter(([key]) => key.startsWith(prefix)).sort(([a], [b]) => (a < b ? 1 : -1)),
    });
    for (const person of ['ana', 'ben', 'sam', 'mia']) {
      expect(personDeals(reversed, person, ever)).toEqual(personDeals(model, person, ever));
      expect(personDeals(indexedBackwards, person, ever)).toEqual(personDeals(model, person, ever));
    }
    expect(personDeals(reversed, 'sam', ever)?.deals.map((d) => d.dealId)).toEqual(['acme', 'globex']);
  });

  it('lists who worked a deal in a period', () => {
    const march = dealParticipants(model, 'acme', { from: '2026-03-01', to: '2026-04-01', timeBasis: 'occurred' });
    expect(march?.map((p) => [p.personId, p.roles.map((r) => r.role), p.eventsRecorded])).toEqual([
      ['ana', ['account-executive'], 9], ['ben', ['account-executive'], 0], ['sam', ['sales-engineer'], 4], ['mia', [], 1],
    ]);
    const later = dealParticipants(model, 'acme', { from: '2026-04-14', timeBasis: 'occurred' });
    expect(later?.map((p) => [p.personId, p.roles.map((r) => r.role), p.eventsRecorded])).toEqual([
      ['ana', ['account-executive'], 3], ['ben', ['account-executive'], 0],
      ['ivan', ['implementation-lead'], 1], ['cara', ['customer-success-manager'], 0],
    ]);
  });

  it('refuses a period bound that is not a time', () => {
    expect(() => personDeals(model, 'sam', { from: 'last week', timeBasis: 'occurred' })).toThrow(expect.objectContaining({ code: 'TIME.INVALID' }));
  });
});
