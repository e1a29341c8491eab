import { foldEvents } from '../testing/fold-events';
import { EventLog } from '../testing/recorded-events';
import { accountTeamsProjection } from './account-teams.projection';
import { listAccountTeams } from './account-teams.queries';

const olga = { id: 'olga', roles: ['sales-ops'] };
const sam = { userId: 'sam', role: 'sales-engineer', access: 'full' };
const eve = { userId: 'eve', role: 'executive-sponsor', access: 'read' };

function history() {
  const log = new EventLog();
  const set = (account: string, key: string, members: object[], at: string) =>
    log.push(`account-team-${key}`, 'AccountTeamSet', { account, accountKey: key, members, mode: 'add-automatically' }, olga, at, at);
  set('Umbrella', 'umbrella', [sam], '2026-03-01T09:00:00.000Z');
  set('Acme GmbH', 'acme%20gmbh', [sam, eve], '2026-03-02T09:00:00.000Z');
  set('ACME GmbH', 'acme%20gmbh', [eve], '2026-03-03T09:00:00.000Z');
  log.push('default-team-ana', 'DefaultTeamSet', { userId: 'ana', members: [sam], mode: 'offer' }, olga, '2026-03-04T09:00:00.000Z', '2026-03-04T09:00:00.000Z');
  log.deal('d1').by(olga).at('2026-03-05T09:00:00.000Z').add('TeamMemberAdded', { userId: 'sam', role: 'sales-engineer' });
  return log.events;
}

describe('account-teams projection', () => {
  const events = history();
  const model = foldEvents(accountTeamsProjection, events);

  it('keeps one document per account, its team as set last, and reads account team streams only', () => {
    expect(accountTeamsProjection.filter).toStrictEqual({ streamPrefixes: ['account-team-'] });
    expect([...model.keys()].sort()).toStrictEqual(['acme%20gmbh', 'umbrella']);
    expect(model.get('acme%20gmbh')).toStrictEqual({
      account: 'ACME GmbH', accountKey: 'acme%20gmbh', mode: 'add-automatically', members: [eve],
      setAt: '2026-03-03T09:00:00.000Z', setBy: 'olga', position: 3,
    });
    expect(accountTeamsProjection.keysOf(events[3])).toStrictEqual([]);
    // Versions of every document are kept (no streamOf), so the list can be read as of any moment.
    expect(accountTeamsProjection.streamOf).toBeUndefined();
  });

  it('lists the teams by account name, or those a person is on', () => {
    expect(listAccountTeams(model).map((t) => t.account)).toStrictEqual(['ACME GmbH', 'Umbrella']);
    expect(listAccountTeams(model, { member: 'sam' }).map((t) => t.account)).toStrictEqual(['Umbrella']);
  });
});
