import { DEAL_TEAM_ROLES, TEAM_ACCESS_LEVELS, TEAM_TEMPLATE_MODES } from '../../../libs/domain/src';

export { DEAL_TEAM_ROLES, TEAM_ACCESS_LEVELS, TEAM_TEMPLATE_MODES };

/** A member of a standing team as the API writes it (`GET /users/:userId/default-team`). */
export interface TemplateMember {
  readonly userId: string;
  readonly role: string;
  readonly access: string;
}

export interface StandingTeam {
  readonly of: string;
  readonly exists: boolean;
  readonly mode: string;
  readonly members: readonly TemplateMember[];
  readonly revision: number;
}

/** A member a standing team offers a deal (`GET /deals/:dealId/team/offers`). */
export interface OfferedMember extends TemplateMember {
  readonly source: { readonly kind: 'default-team'; readonly ownerId?: string } | { readonly kind: 'account-team'; readonly account?: string };
}

export const MODE_WORDS: Record<string, string> = {
  'add-automatically': 'added to each new deal automatically',
  offer: 'offered on each new deal, for its rep to pick from',
};

export const ACCESS_WORDS: Record<string, string> = {
  full: 'everything their roles allow',
  'record-facts': 'record buyer facts',
  read: 'read only',
};

/** "from ana.ae's default team", "from the Acme account team" */
export function sourceText(source: OfferedMember['source']): string {
  if (source.kind === 'default-team') return `from ${source.ownerId ?? 'the owner'}'s default team`;
  return source.account ? `from the ${source.account} account team` : 'from the account team';
}

/** The request that sets a team, from the rows of the form (blank rows left out), or what is wrong with it. */
export function teamFromRows(rows: readonly TemplateMember[], mode: string): { team: { members: TemplateMember[]; mode: string } } | { problem: string } {
  const members = rows.map((r) => ({ ...r, userId: r.userId.trim() })).filter((r) => r.userId !== '');
  const seen = new Set<string>();
  for (const m of members) {
    const key = `${m.userId}/${m.role}`;
    if (seen.has(key)) return { problem: `${m.userId} is listed twice as ${m.role}.` };
    seen.add(key);
  }
  if (!(TEAM_TEMPLATE_MODES as readonly string[]).includes(mode)) return { problem: 'Choose whether the team is added automatically or offered.' };
  return { team: { members, mode } };
}

/** The request that adds an offered member to the deal (`POST /deals/:dealId/team`). */
export const addOffered = (member: OfferedMember) => ({ userId: member.userId, role: member.role, ...(member.access === 'full' ? {} : { access: member.access }) });

/** A member of a deal's team as `GET /deals/:id` folds it: `access` and `source` only when set. */
export interface TeamMemberView {
  readonly userId: string;
  readonly role: string;
  readonly access?: string;
  readonly source?: OfferedMember['source'];
}

/** "record buyer facts, from ana.ae's default team"; undefined for a member with full access added by hand. */
export function memberNote(team: readonly TeamMemberView[], member: { userId: string; role: string }): string | undefined {
  const found = team.find((m) => m.userId === member.userId && m.role === member.role);
  const parts = [
    ...(found?.access && found.access !== 'full' ? [ACCESS_WORDS[found.access] ?? found.access] : []),
    ...(found?.source ? [sourceText(found.source)] : []),
  ];
  return parts.length ? parts.join(', ') : undefined;
}
