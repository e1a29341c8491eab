import { TeamMember } from '../deal/deal-team';
import { DealStatus } from '../deal/deal.state';
import { Actor } from '../shared/message';
import { Relations, reportsTo } from './relations';

/**
 * How far a role's grant of an operation reaches. On deals: `organisation` every deal; `reports`
 * the deals the holder or anyone reporting to them (down the chain) owns or works on; `own` the
 * deals they own or work on; `owner` the deals they own; `owner-line` the deals owned by them or
 * by someone reporting to them; `won` won deals. On people: `organisation` everyone, `reports`
 * themselves and their reports, `own` themselves. On figures over many deals: `organisation` all
 * of them, `readable` only the deals and people the holder may read.
 */
export type Reach = 'organisation' | 'reports' | 'own' | 'owner' | 'owner-line' | 'won' | 'readable';

/** What a deal check needs to know about a deal. */
export interface DealAccessFacts {
  readonly dealId: string;
  readonly ownerId: string;
  readonly team: readonly TeamMember[];
  readonly status: DealStatus;
}

/** The owner and every member of the team, whatever their team role. */
export function worksOnDeal(deal: Pick<DealAccessFacts, 'ownerId' | 'team'>, userId: string): boolean {
  return deal.ownerId === userId || deal.team.some((member) => member.userId === userId);
}

/** Everyone a deal belongs to: the owner and the team. */
export function peopleOnDeal(deal: Pick<DealAccessFacts, 'ownerId' | 'team'>): string[] {
  return [...new Set([deal.ownerId, ...deal.team.map((member) => member.userId)])].filter(Boolean);
}

const inLine = (relations: Relations, personId: string, actorId: string) =>
  personId === actorId || reportsTo(relations, personId, actorId);

export function reachesDeal(reach: Reach, actor: Actor, deal: DealAccessFacts, relations: Relations): boolean {
  switch (reach) {
    case 'organisation': return true;
    case 'own': return worksOnDeal(deal, actor.id);
    case 'owner': return deal.ownerId === actor.id;
    case 'reports': return peopleOnDeal(deal).some((person) => inLine(relations, person, actor.id));
    case 'owner-line': return deal.ownerId !== '' && inLine(relations, deal.ownerId, actor.id);
    case 'won': return deal.status === 'won';
    default: return false;
  }
}

export function reachesPerson(reach: Reach, actor: Actor, personId: string, relations: Relations): boolean {
  switch (reach) {
    case 'organisation': return true;
    case 'own': return personId === actor.id;
    case 'reports': return inLine(relations, personId, actor.id);
    default: return false;
  }
}
