import { Actor } from '../shared/message';
import { TeamMember } from './deal-team';
import { DealCommandType } from './deal.commands';

/** Organisation roles (on the actor), as opposed to the roles a person holds on one deal's team. */
export type OrganisationRole = 'rep' | 'manager' | 'sales-ops' | 'finance' | 'implementation' | 'admin' | 'integration';

export const ORGANISATION_ROLES: readonly OrganisationRole[] = [
  'rep', 'manager', 'sales-ops', 'finance', 'implementation', 'admin', 'integration',
];

const SELLING: readonly OrganisationRole[] = ['rep', 'manager', 'admin'];
/** Email, calendar and e-signature integrations record buyer facts on a rep's behalf. */
const FACTS: readonly OrganisationRole[] = ['rep', 'manager', 'admin', 'integration'];
const DELIVERY: readonly OrganisationRole[] = ['implementation', 'manager', 'admin'];

/**
 * Which organisation roles may issue each deal command. Finance reads everything but issues no
 * deal command; sales-ops only sets credit splits. How far a role reaches (any deal, or only the
 * deals its holder owns or works on) is decided in `access/deal-command-access.ts`.
 */
export const DEAL_COMMAND_ROLES: Readonly<Record<DealCommandType, readonly OrganisationRole[]>> = {
  OpenDeal: FACTS,
  RecordContactMade: FACTS,
  RecordBuyerResponded: FACTS,
  BookMeeting: FACTS,
  ConfirmDecisionMaker: SELLING,
  NoteBudget: SELLING,
  NoteDecisionTimeframe: SELLING,
  RecordDemoHeld: FACTS,
  ScheduleNextMeeting: FACTS,
  RecordRecapEmailSent: FACTS,
  RecordRecapConfirmed: FACTS,
  DeliverProposal: FACTS,
  RecordProposalAcknowledged: FACTS,
  AgreeTerms: SELLING,
  ChangeAmount: SELLING,
  AdvanceStage: SELLING,
  OverrideStage: ['manager'],
  SetCreditSplits: ['rep', 'manager', 'admin', 'sales-ops'],
  CloseWon: FACTS,
  CloseLost: SELLING,
  ReverseWonDeal: ['manager', 'admin'],
  HandToImplementation: ['rep', 'manager', 'admin', 'implementation'],
  StartImplementation: DELIVERY,
  GoLive: DELIVERY,
  AddTeamMember: SELLING,
  RemoveTeamMember: SELLING,
};

/**
 * Commands that change commercial terms (contract, amount, line items, close, splits): a person
 * whose only role on the deal's team is support rep may not issue them. The decider refuses them
 * (DEAL.COMMERCIAL_TERMS_FORBIDDEN) and the access check denies them first, both from this list.
 */
export const COMMERCIAL_TERMS_COMMANDS: readonly DealCommandType[] = ['AgreeTerms', 'ChangeAmount', 'CloseWon', 'SetCreditSplits'];

/** True when every role `userId` holds on the team is support rep (false when not on the team). */
export function holdsOnlySupportRep(team: readonly TeamMember[], userId: string): boolean {
  const memberships = team.filter((member) => member.userId === userId);
  return memberships.length > 0 && memberships.every((member) => member.role === 'support-rep');
}

/** True when one of the actor's organisation roles may issue the command (on some deal). */
export function mayIssue(commandType: DealCommandType, actor: Actor): boolean {
  const allowed: readonly string[] = DEAL_COMMAND_ROLES[commandType] ?? [];
  return actor.roles.some((role) => allowed.includes(role));
}
