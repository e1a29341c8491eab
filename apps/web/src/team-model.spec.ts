import { addOffered, memberNote, sourceText, teamFromRows } from './team-model';

describe('default teams on the dashboard', () => {
  it('builds the request from the form, leaving blank rows out and trimming names', () => {
    const rows = [
      { userId: ' sam.se ', role: 'sales-engineer', access: 'full' },
      { userId: '', role: 'support-rep', access: 'read' },
      { userId: 'sue.support', role: 'support-rep', access: 'record-facts' },
    ];
    expect(teamFromRows(rows, 'offer')).toEqual({ team: { mode: 'offer', members: [
      { userId: 'sam.se', role: 'sales-engineer', access: 'full' },
      { userId: 'sue.support', role: 'support-rep', access: 'record-facts' },
    ] } });
  });

  it('says what is wrong before sending', () => {
    const twice = [{ userId: 'sam.se', role: 'sales-engineer', access: 'full' }, { userId: 'sam.se ', role: 'sales-engineer', access: 'read' }];
    expect(teamFromRows(twice, 'offer')).toEqual({ problem: 'sam.se is listed twice as sales-engineer.' });
    expect(teamFromRows([], 'sometimes')).toHaveProperty('problem');
    expect(teamFromRows([], 'add-automatically')).toEqual({ team: { members: [], mode: 'add-automatically' } });
  });

  it('names where an offered member comes from, and adds them with their access', () => {
    expect(sourceText({ kind: 'default-team', ownerId: 'ana.ae' })).toBe('from ana.ae\'s default team');
    expect(sourceText({ kind: 'account-team', account: 'Acme' })).toBe('from the Acme account team');
    expect(addOffered({ userId: 'eve', role: 'executive-sponsor', access: 'read', source: { kind: 'account-team', account: 'Acme' } }))
      .toEqual({ userId: 'eve', role: 'executive-sponsor', access: 'read' });
    expect(addOffered({ userId: 'sam', role: 'sales-engineer', access: 'full', source: { kind: 'default-team', ownerId: 'ana' } }))
      .toEqual({ userId: 'sam', role: 'sales-engineer' });
  });

  it('notes what a member of a deal may do when it is less than everything, and which team brought them', () => {
    const team = [
      { userId: 'ana', role: 'account-executive' },
      { userId: 'sue', role: 'support-rep', access: 'record-facts', source: { kind: 'default-team' as const, ownerId: 'ana' } },
      { userId: 'eve', role: 'executive-sponsor', access: 'read' },
    ];
    expect(memberNote(team, { userId: 'ana', role: 'account-executive' })).toBeUndefined();
    expect(memberNote(team, { userId: 'sue', role: 'support-rep' })).toBe('record buyer facts, from ana\'s default team');
    expect(memberNote(team, { userId: 'eve', role: 'executive-sponsor' })).toBe('read only');
  });
});
