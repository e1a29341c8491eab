import { OrganisationRole } from '../deal/deal-access';
import { Actor } from '../shared/message';
import { AccessDecision, denied } from './access-decision';

/** Families of figures over many deals: the pipeline metrics and the post-close tracking. */
export type ReportFamily = 'pipeline' | 'post-close';
/** `own`: only figures narrowed to the reader's own deals. */
export type ReportReach = 'all' | 'own';
/** The query parameters that narrow a report to one person's deals. */
export type PersonFilter = 'ownerId' | 'teamMemberId';

export const REPORT_READERS: Readonly<Record<ReportFamily, Readonly<Partial<Record<OrganisationRole, ReportReach>>>>> = {
  pipeline: { rep: 'own', manager: 'all', 'sales-ops': 'all', finance: 'all', admin: 'all' },
  'post-close': { rep: 'own', manager: 'all', 'sales-ops': 'all', finance: 'all', admin: 'all', implementation: 'all' },
};

export type ReportScope =
  | { readonly allowed: true; /** Filters to force on the query (a rep's own deals). */ readonly narrowTo: Readonly<Partial<Record<PersonFilter, string>>> }
  | Extract<AccessDecision, { allowed: false }>;

/**
 * Scopes a report query to what the actor may see. Readers of everything get it unchanged; a
 * rep gets it narrowed to themselves (the first of `narrowableBy` when they named no filter),
 * 403 when they name someone else, and 403 for a report that cannot be narrowed to a person.
 */
export function scopeReportQuery(
  actor: Actor,
  family: ReportFamily,
  query: Readonly<Record<string, unknown>>,
  narrowableBy: readonly PersonFilter[],
): ReportScope {
  const readers = REPORT_READERS[family];
  const reaches = actor.roles.map((role) => readers[role as OrganisationRole]).filter(Boolean);
  if (reaches.includes('all')) return { allowed: true, narrowTo: {} };
  const allowedRoles = Object.keys(readers) as OrganisationRole[];
  const base = { permission: `report:${family}`, resource: `report/${family}`, allowedRoles };
  if (reaches.length === 0) {
    return deny({ ...base, reason: 'role', explanation: `${family} figures need one of the roles ${allowedRoles.join(', ')}` });
  }
  if (narrowableBy.length === 0) {
    const wide = (Object.keys(readers) as OrganisationRole[]).filter((role) => readers[role] === 'all');
    return deny({
      ...base,
      reason: 'org-wide',
      explanation: `this report spans every deal and cannot be narrowed to yours; it needs one of ${wide.join(', ')}`,
    });
  }
  const named = narrowableBy.filter((filter) => query[filter] !== undefined);
  const other = named.find((filter) => query[filter] !== actor.id);
  if (other) {
    return deny({ ...base, reason: 'other-rep', explanation: `a rep sees only their own deals; ${other} must be ${actor.id}` });
  }
  return { allowed: true, narrowTo: named.length ? {} : { [narrowableBy[0]]: actor.id } };
}

function deny(denial: Parameters<typeof denied>[0]): ReportScope {
  return denied(denial) as ReportScope;
}
