export type DealTeamRole =
  | 'account-executive'
  | 'sales-development-rep'
  | 'sales-engineer'
  | 'executive-sponsor'
  | 'support-rep'
  | 'marketing-rep'
  | 'implementation-lead'
  | 'customer-success-manager';

export const DEAL_TEAM_ROLES: readonly DealTeamRole[] = [
  'account-executive', 'sales-development-rep', 'sales-engineer', 'executive-sponsor',
  'support-rep', 'marketing-rep', 'implementation-lead', 'customer-success-manager',
];

export interface TeamMember {
  readonly userId: string;
  readonly role: DealTeamRole;
  /** Absent: `full`. */
  readonly access?: TeamAccess;
  /** Absent: added by hand (the command named them). */
  readonly source?: TeamMemberSource;
}

/**
 * What a member of a deal team may do on the deal, whatever their organisation role would allow:
 * `full` everything their organisation role and deal-team role allow (a support rep still never
 * changes commercial terms); `record-facts` read the deal and record buyer facts with evidence,
 * nothing else; `read` read the deal only. It limits only what membership gives: someone who
 * reaches the deal otherwise (its owner, a manager of its people, an organisation-wide role)
 * keeps that reach.
 */
export type TeamAccess = 'full' | 'record-facts' | 'read';

export const TEAM_ACCESS_LEVELS: readonly TeamAccess[] = ['full', 'record-facts', 'read'];

/** From the most to the least a member may do. */
const RANK: Record<TeamAccess, number> = { full: 2, 'record-facts': 1, read: 0 };

/** Does holding `held` allow what needs `needed`? */
export const accessSuffices = (held: TeamAccess, needed: TeamAccess): boolean => RANK[held] >= RANK[needed];

/** The most a person may do among several memberships. */
export function widestAccess(levels: readonly TeamAccess[]): TeamAccess | undefined {
  return levels.reduce<TeamAccess | undefined>((widest, level) => (widest === undefined || RANK[level] > RANK[widest] ? level : widest), undefined);
}

/** Where a member of a deal team came from, when a standing team brought them. */
export type TeamMemberSource =
  | { readonly kind: 'default-team'; readonly ownerId: string }
  | { readonly kind: 'account-team'; readonly account: string };
