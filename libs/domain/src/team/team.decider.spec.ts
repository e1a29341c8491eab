import { authorizedTeamDecider } from '../access/authorized-deciders';
import { relationsOf } from '../access/relations';
import { Actor } from '../shared/message';
import { deciderSpec } from '../testing/decider-spec';
import { TeamTemplateMember } from './team-template';
import { TeamCommand } from './team.commands';
import { createTeamDecider, TeamPolicy } from './team.decider';
import { TeamEvent } from './team.events';

const NOW = '2026-03-20T12:00:00.000Z';
const ana: Actor = { id: 'ana', roles: ['rep'] };
const ben: Actor = { id: 'ben', roles: ['rep'] };
const mia: Actor = { id: 'mia', roles: ['manager'] };
const max: Actor = { id: 'max', roles: ['manager'] };
const olga: Actor = { id: 'olga', roles: ['sales-ops'] };
const adam: Actor = { id: 'adam', roles: ['admin'] };
const fiona: Actor = { id: 'fiona', roles: ['finance'] };

/** Registered: ana and ben (reporting to mia), sam, sue, mia, max, olga, adam; gone: deactivated. */
const REGISTERED = new Set(['ana', 'ben', 'sam', 'sue', 'mia', 'max', 'olga', 'adam', 'gone']);
const policy: TeamPolicy = {
  isRegistered: (userId) => REGISTERED.has(userId),
  memberIneligibility: (userId) => (!REGISTERED.has(userId) ? 'not a registered user' : userId === 'gone' ? 'deactivated' : undefined),
};
const relations = relationsOf(new Map([['ana', 'mia'], ['ben', 'mia']]));

const sam: TeamTemplateMember = { userId: 'sam', role: 'sales-engineer', access: 'full' };
const sue: TeamTemplateMember = { userId: 'sue', role: 'support-rep', access: 'record-facts' };

function cmd<T extends TeamCommand['type']>(type: T, data: Extract<TeamCommand, { type: T }>['data'], actor: Actor = ana): TeamCommand {
  return { type, data, metadata: { commandId: `cmd-${type}`, actor, now: NOW } } as TeamCommand;
}
const setDefault = (members: readonly TeamTemplateMember[], actor: Actor = ana, userId = 'ana', mode: 'add-automatically' | 'offer' = 'add-automatically') =>
  cmd('SetDefaultTeam', { userId, members, mode }, actor);
const setAccount = (members: readonly TeamTemplateMember[], actor: Actor = olga, account = 'Acme GmbH') =>
  cmd('SetAccountTeam', { account, members, mode: 'offer' }, actor);
const defaultTeamSet = (members: readonly TeamTemplateMember[], userId = 'ana'): TeamEvent =>
  ({ type: 'DefaultTeamSet', data: { userId, members, mode: 'add-automatically' } });

const { given } = deciderSpec(createTeamDecider(policy));
const guarded = deciderSpec(authorizedTeamDecider(relations, policy));

describe('SetDefaultTeam', () => {
  it('sets the rep\'s default team: people, deal-team roles, what each may do, and the mode', () => {
    given([]).when(setDefault([sam, sue])).then([defaultTeamSet([sam, sue])]);
  });

  it('replaces the team as a whole, and writes nothing when it is set again unchanged', () => {
    given([defaultTeamSet([sam])]).when(setDefault([sue])).then([defaultTeamSet([sue])]);
    given([defaultTeamSet([sam])]).when(setDefault([sam])).then([]);
  });

  it('lets the rep be on their own default team (as its account executive, say)', () => {
    const self: TeamTemplateMember = { userId: 'ana', role: 'account-executive', access: 'full' };
    guarded.given([]).when(setDefault([self, sam])).then([defaultTeamSet([self, sam])]);
  });

  it('may be emptied', () => {
    given([defaultTeamSet([sam])]).when(setDefault([])).then([defaultTeamSet([])]);
  });

  it('takes only registered, active people', () => {
    const unknown = given([]).when(setDefault([sam, { userId: 'nobody', role: 'marketing-rep', access: 'read' }])).thenThrows('TEAM.MEMBER_INELIGIBLE');
    expect(unknown.details).toStrictEqual({ index: 1, userId: 'nobody', problem: 'not a registered user' });
    expect(given([]).when(setDefault([{ ...sam, userId: 'gone' }])).thenThrows('TEAM.MEMBER_INELIGIBLE').details).toMatchObject({ problem: 'deactivated' });
  });

  it('refuses the same person twice in the same role, and accepts them in two roles', () => {
    const error = given([]).when(setDefault([sam, { ...sam, access: 'read' }])).thenThrows('TEAM.MEMBER_DUPLICATE');
    expect(error.details).toStrictEqual({ index: 1, userId: 'sam', role: 'sales-engineer' });
    const twice = [sam, { ...sam, role: 'executive-sponsor' as const }];
    given([]).when(setDefault(twice)).then([defaultTeamSet(twice)]);
  });

  it('refuses unknown roles, access levels and modes', () => {
    given([]).when(setDefault([{ ...sam, role: 'captain' as never }])).thenThrows('TEAM.ROLE_UNKNOWN');
    given([]).when(setDefault([{ ...sam, access: 'write' as never }])).thenThrows('TEAM.ACCESS_UNKNOWN');
    given([]).when(cmd('SetDefaultTeam', { userId: 'ana', members: [], mode: 'sometimes' as never })).thenThrows('TEAM.MODE_UNKNOWN');
  });

  it('needs a registered rep', () => {
    given([]).when(setDefault([sam], adam, 'nobody')).thenThrows('USER.NOT_FOUND');
  });

  it('may be set by the rep, their managers, sales-ops and admin', () => {
    for (const actor of [ana, mia, olga, adam]) guarded.given([]).when(setDefault([sam], actor)).then([defaultTeamSet([sam])]);
  });

  it('is refused to another rep, a manager the rep does not report to, and finance', () => {
    for (const actor of [ben, max, fiona]) guarded.given([]).when(setDefault([sam], actor)).thenThrows('AUTH.PERMISSION_DENIED');
  });

  it('refuses anyone but the rep putting themselves on it', () => {
    const error = guarded.given([]).when(setDefault([{ userId: 'mia', role: 'executive-sponsor', access: 'full' }], mia)).thenThrows('AUTH.PERMISSION_DENIED');
    expect(error.details).toMatchObject({ permission: 'team:SetDefaultTeam', reason: 'self' });
  });
});

describe('SetAccountTeam', () => {
  it('sets the account\'s team under the account\'s key', () => {
    given([]).when(setAccount([sam, sue])).then([{
      type: 'AccountTeamSet', data: { account: 'Acme GmbH', accountKey: 'acme%20gmbh', members: [sam, sue], mode: 'offer' },
    }]);
  });

  it('follows the same member rules', () => {
    given([]).when(setAccount([sam, sam])).thenThrows('TEAM.MEMBER_DUPLICATE');
    given([]).when(setAccount([{ ...sue, userId: 'gone' }])).thenThrows('TEAM.MEMBER_INELIGIBLE');
    given([]).when(setAccount([sam], olga, '  ')).thenThrows('FIELD.REQUIRED');
  });

  it('may be set by sales-ops and admin only, never with themselves on it', () => {
    guarded.given([]).when(setAccount([sam], adam)).then([{
      type: 'AccountTeamSet', data: { account: 'Acme GmbH', accountKey: 'acme%20gmbh', members: [sam], mode: 'offer' },
    }]);
    for (const actor of [ana, mia, fiona]) guarded.given([]).when(setAccount([sam], actor)).thenThrows('AUTH.PERMISSION_DENIED');
    const self = guarded.given([]).when(setAccount([{ userId: 'olga', role: 'marketing-rep', access: 'read' }], olga)).thenThrows('AUTH.PERMISSION_DENIED');
    expect(self.details).toMatchObject({ permission: 'team:SetAccountTeam', reason: 'self' });
  });
});
