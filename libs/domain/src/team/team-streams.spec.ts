import { accountKey, accountTeamStreamId, defaultTeamStreamId } from './team-streams';

describe('standing team streams', () => {
  it('names a rep\'s default team by the rep', () => {
    expect(defaultTeamStreamId('ana.ae')).toBe('default-team-ana.ae');
  });

  it('keys an account by its name as deals type it, whatever the case and blanks', () => {
    expect(accountKey(' Acme   GmbH ')).toBe(accountKey('ACME GMBH'));
    expect(accountTeamStreamId('Acme GmbH')).toBe('account-team-acme%20gmbh');
    expect(accountKey('Ürün/İş')).not.toContain('/');
    expect(accountKey('Acme \uD800')).toBe('acme%20%EF%BF%BD');
  });
});
