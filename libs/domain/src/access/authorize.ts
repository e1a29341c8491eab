import { holdsOnlySupportRep, OrganisationRole } from '../deal/deal-access';
import { accessSuffices, TeamAccess, widestAccess } from '../deal/deal-team';
import { Actor } from '../shared/message';
import { AccessDecision, DenialReason, denied } from './access-decision';
import { Operation, OPERATIONS, rolesGranted } from './operations';
import { DealAccessFacts, Reach, reachesDeal, reachesPerson } from './reach';
import { Relations } from './relations';

/** What an operation is asked on. A deal that does not exist (yet) is checked by role alone. */
export type AccessTarget =
  | { readonly kind: 'deal'; readonly dealId: string; readonly deal?: DealAccessFacts; readonly subjectId?: string }
  | { readonly kind: 'person'; readonly personId: string }
  | { readonly kind: 'organisation' };

/** An allowed decision says whether the caller sees everything or only what they may read. */
export type Authorization = AccessDecision & { readonly narrowed?: boolean };

const REACH_WORDS: Record<Reach, string> = {
  organisation: 'across the organisation',
  reports: 'on their own and their reports\' deals',
  own: 'on deals they own or are on the team of',
  owner: 'on deals they own',
  'owner-line': 'on deals owned by them or by people reporting to them',
  won: 'on won deals',
  readable: 'over the deals they may read',
};

const PERSON_WORDS: Partial<Record<Reach, string>> = {
  organisation: 'for everyone', reports: 'for themselves and their reports', own: 'for themselves',
};

/**
 * May the actor perform the operation on the target? By organisation role (the table in
 * operations.ts), by how far that role reaches (relationship to the deal or person), and by the
 * operation's own limits (support reps and commercial terms, nothing on oneself).
 */
export function authorize(operation: Operation, actor: Actor, target: AccessTarget, relations: Relations): Authorization {
  const rule = OPERATIONS[operation];
  const allowedRoles = rolesGranted(operation);
  const resource = resourceOf(target);
  const base = { permission: operation, resource, allowedRoles };
  const held = actor.roles.flatMap((role) => {
    const reach = rule.grants[role as OrganisationRole];
    return reach === undefined ? [] : [{ role: role as OrganisationRole, reach }];
  });
  if (held.length === 0) {
    return denied({ ...base, reason: 'role', explanation: `${operation} needs one of the roles ${allowedRoles.join(', ')}` });
  }
  const reaching = held.filter(({ reach }) => reaches(reach, actor, target, relations));
  if (reaching.length === 0) {
    const words = target.kind === 'person' ? PERSON_WORDS : REACH_WORDS;
    return denied({
      ...base,
      reason: reasonOf(held.map((h) => h.reach), target),
      explanation: `${held.map((h) => `${article(h.role)} ${h.role} may do this ${words[h.reach] ?? REACH_WORDS[h.reach]}`).join('; ')}`,
    });
  }
  if (rule.notOnSelf && subjectOf(target) === actor.id) {
    return denied({ ...base, reason: 'self', explanation: `nobody may ${rule.summary.replace(/ \(.*\)$/, '')} for themselves` });
  }
  const limit = target.kind === 'deal' && target.deal ? teamAccessLimit(actor, target.deal, reaching.map((r) => r.reach), relations) : undefined;
  const needed = rule.teamAccess ?? 'full';
  if (limit !== undefined && !accessSuffices(limit, needed)) {
    return denied({
      ...base, reason: 'team-access',
      explanation: `the deal team gives ${actor.id} ${limit === 'read' ? 'read access only' : 'buyer facts only'} on this deal, and this needs ${needed} access`,
    });
  }
  if (rule.commercialTerms && target.kind === 'deal' && target.deal && holdsOnlySupportRep(target.deal.team, actor.id)) {
    return denied({ ...base, reason: 'support-rep', explanation: 'a support rep on the deal team may not change commercial terms (amount, line items, terms, close won, splits)' });
  }
  return { allowed: true, narrowed: !reaching.some(({ reach }) => reach === 'organisation') };
}

/**
 * What the deal team limits the actor to, when the team is all that gives them the deal: the
 * widest access among their memberships (undefined: not limited, or reaching it otherwise — as
 * its owner, a manager of its people, an organisation-wide or won-deal reach).
 */
function teamAccessLimit(actor: Actor, deal: DealAccessFacts, reaching: readonly Reach[], relations: Relations): TeamAccess | undefined {
  const mine = deal.team.filter((member) => member.userId === actor.id);
  const limit = widestAccess(mine.map((member) => member.access ?? 'full'));
  if (limit === undefined || limit === 'full') return undefined;
  const withoutMe = { ...deal, team: deal.team.filter((member) => member.userId !== actor.id) };
  return reaching.some((reach) => reachesDeal(reach, actor, withoutMe, relations)) ? undefined : limit;
}

function reaches(reach: Reach, actor: Actor, target: AccessTarget, relations: Relations): boolean {
  switch (target.kind) {
    case 'organisation': return true;
    case 'person': return reachesPerson(reach, actor, target.personId, relations);
    case 'deal': return target.deal === undefined || reachesDeal(reach, actor, target.deal, relations);
  }
}

function resourceOf(target: AccessTarget): string {
  switch (target.kind) {
    case 'deal': return `deal/${target.dealId}`;
    case 'person': return `person/${target.personId}`;
    case 'organisation': return 'organisation';
  }
}

function subjectOf(target: AccessTarget): string | undefined {
  if (target.kind === 'person') return target.personId;
  if (target.kind === 'deal') return target.subjectId;
  return undefined;
}

function reasonOf(reaches: readonly Reach[], target: AccessTarget): DenialReason {
  if (target.kind === 'person') return reaches.includes('reports') ? 'not-report' : 'other-person';
  if (reaches.includes('reports') || reaches.includes('owner-line')) return 'not-report';
  if (reaches.includes('owner')) return 'not-owner';
  if (reaches.includes('own')) return 'not-on-deal';
  return 'not-won';
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');
