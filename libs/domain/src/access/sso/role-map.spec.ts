import { groupsOf, parseRoleMap, rolesFromGroups } from './role-map';

describe('single sign-on: groups to roles', () => {
  it('reads group:role pairs; a group may give several roles and may hold colons', () => {
    const { map, problems } = parseRoleMap(' sales-managers:manager, finance:finance ,deal-admins:admin,deal-admins:manager,urn:acme:ops:sales-ops');
    expect(problems).toEqual([]);
    expect([...map]).toEqual([
      ['sales-managers', ['manager']], ['finance', ['finance']], ['deal-admins', ['admin', 'manager']], ['urn:acme:ops', ['sales-ops']],
    ]);
  });

  it('lists every bad entry: not a pair, an unknown role, the service-account role', () => {
    const { problems } = parseRoleMap('sales:manager,justagroup,:rep,ops:boss,bots:integration');
    expect(problems).toEqual([
      'OIDC_ROLE_MAP entry "justagroup" is not group:role',
      'OIDC_ROLE_MAP entry ":rep" is not group:role',
      expect.stringContaining('OIDC_ROLE_MAP entry "ops:boss": "boss" is not a role a person may get'),
      expect.stringContaining('OIDC_ROLE_MAP entry "bots:integration": "integration" is not a role'),
    ]);
    expect(parseRoleMap(' , ').problems).toEqual(['OIDC_ROLE_MAP has no entries; write group:role pairs separated by commas']);
  });

  it('gives the roles of the groups it names, each once, in the engine\'s order; other groups give nothing', () => {
    const { map } = parseRoleMap('deal-admins:admin,deal-admins:manager,sales-managers:manager,reps:rep');
    expect(rolesFromGroups(map, ['everyone', 'deal-admins', 'sales-managers', 'reps'])).toEqual(['rep', 'manager', 'admin']);
    expect(rolesFromGroups(map, ['everyone'])).toEqual([]);
    expect(rolesFromGroups(map, [])).toEqual([]);
  });

  it('reads the groups claim as a list or one string, and nothing else', () => {
    expect(groupsOf(['a', 'b', 3])).toEqual(['a', 'b']);
    expect(groupsOf('a')).toEqual(['a']);
    expect(groupsOf(undefined)).toEqual([]);
    expect(groupsOf({ a: 1 })).toEqual([]);
  });
});
