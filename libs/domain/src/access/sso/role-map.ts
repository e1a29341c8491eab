import { ORGANISATION_ROLES, OrganisationRole } from '../../deal/deal-access';

/** Which engine roles each provider group (a value of the groups claim) gives. */
export type RoleMap = ReadonlyMap<string, readonly OrganisationRole[]>;

/** A service account's role: never given by a person's groups. */
const NOT_MAPPABLE: readonly OrganisationRole[] = ['integration'];

/**
 * Reads `group:role,group:role` (OIDC_ROLE_MAP). A group may appear several times to give several
 * roles; the role follows the last `:`, so a group name may hold colons (not commas). Answers the
 * map, or every problem found.
 */
export function parseRoleMap(text: string): { map: RoleMap; problems: string[] } {
  const map = new Map<string, OrganisationRole[]>();
  const problems: string[] = [];
  const entries = text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 0) problems.push('OIDC_ROLE_MAP has no entries; write group:role pairs separated by commas');
  for (const entry of entries) {
    const at = entry.lastIndexOf(':');
    const group = at < 0 ? '' : entry.slice(0, at).trim();
    const role = at < 0 ? '' : entry.slice(at + 1).trim();
    if (group === '' || role === '') {
      problems.push(`OIDC_ROLE_MAP entry "${entry}" is not group:role`);
    } else if (!(ORGANISATION_ROLES as readonly string[]).includes(role) || NOT_MAPPABLE.includes(role as OrganisationRole)) {
      const allowed = ORGANISATION_ROLES.filter((r) => !NOT_MAPPABLE.includes(r));
      problems.push(`OIDC_ROLE_MAP entry "${entry}": "${role}" is not a role a person may get (${allowed.join(', ')})`);
    } else {
      const roles = map.get(group) ?? [];
      if (!roles.includes(role as OrganisationRole)) map.set(group, [...roles, role as OrganisationRole]);
    }
  }
  return { map, problems };
}

/** The groups a claim holds: a list of strings, or one string; anything else holds none. */
export function groupsOf(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  return Array.isArray(claim) ? claim.filter((group): group is string => typeof group === 'string') : [];
}

/** The roles a person's groups give, each once, in the engine's order of roles; groups the map does not name give nothing. */
export function rolesFromGroups(map: RoleMap, groups: readonly string[]): OrganisationRole[] {
  const given = new Set(groups.flatMap((group) => map.get(group) ?? []));
  return ORGANISATION_ROLES.filter((role) => given.has(role));
}
