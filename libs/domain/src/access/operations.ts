import { CommissionCommandType } from '../commission/commission.commands';
import { ORGANISATION_ROLES, OrganisationRole } from '../deal/deal-access';
import { TeamAccess } from '../deal/deal-team';
import { DealCommandType } from '../deal/deal.commands';
import { TeamCommandType } from '../team/team.commands';
import { PipelineVersionCommandType } from '../pipeline/version/pipeline-version.commands';
import { Reach } from './reach';
import { UserCommandType } from './user/user.commands';

/** What an operation acts on: one deal, one person, or figures over the organisation. */
export type ResourceKind = 'deal' | 'person' | 'organisation';

export interface OperationRule {
  readonly resource: ResourceKind;
  /** The organisation roles that may perform it, and how far each reaches. No entry: refused. */
  readonly grants: Readonly<Partial<Record<OrganisationRole, Reach>>>;
  /** Changes commercial terms: a person whose only role on the deal's team is support rep may not. */
  readonly commercialTerms?: true;
  /** Refused when it would act on the caller themselves (their own roles, their own deal-team role). */
  readonly notOnSelf?: true;
  /**
   * On a deal: the least deal-team access (`TeamAccess`) a member needs for it when the team is
   * all that gives them the deal. Absent: `full`.
   */
  readonly teamAccess?: TeamAccess;
  readonly summary: string;
}

const SELLING = { rep: 'own', manager: 'reports', admin: 'organisation' } as const;
/** Email, calendar and e-signature integrations record buyer facts on any deal. */
const FACTS = { ...SELLING, integration: 'organisation' } as const;
const DELIVERY = { manager: 'reports', admin: 'organisation', implementation: 'won' } as const;
/** Team changes: the owner, the owner's managers, sales-ops and admin. */
const TEAM = { rep: 'owner', manager: 'owner-line', 'sales-ops': 'organisation', admin: 'organisation' } as const;
const ORGANISATION = { 'sales-ops': 'organisation', finance: 'organisation', admin: 'organisation' } as const;
/** Whoever reads deals: figures narrowed to the deals they may read, all of them for org-wide roles. */
const DEAL_FIGURES = { rep: 'readable', manager: 'readable', ...ORGANISATION } as const;
const EVERYONE_SELF = {
  rep: 'own', manager: 'own', 'sales-ops': 'own', finance: 'own', implementation: 'own', admin: 'own', integration: 'own',
} as const;

const deal = (summary: string, grants: OperationRule['grants'], extra: Partial<OperationRule> = {}): OperationRule =>
  ({ resource: 'deal', grants, summary, ...extra });
const person = (summary: string, grants: OperationRule['grants'], extra: Partial<OperationRule> = {}): OperationRule =>
  ({ resource: 'person', grants, summary, ...extra });
const organisation = (summary: string, grants: OperationRule['grants']): OperationRule =>
  ({ resource: 'organisation', grants, summary });
/** A buyer fact: members whose team access is `record-facts` may record it. */
const fact = (summary: string, grants: OperationRule['grants']): OperationRule => deal(summary, grants, { teamAccess: 'record-facts' });
/** Who may set a rep's team for their deals: the rep, the rep's managers, sales-ops, admin (as for deal teams). */
const DEFAULT_TEAM = { rep: 'own', manager: 'reports', 'sales-ops': 'organisation', admin: 'organisation' } as const;

export const DEAL_COMMAND_RULES: Readonly<Record<DealCommandType, OperationRule>> = {
  OpenDeal: deal('open a deal (its owner is the caller)', { rep: 'organisation', manager: 'organisation', admin: 'organisation', integration: 'organisation' }),
  RecordContactMade: fact('record first contact', FACTS),
  RecordBuyerResponded: fact('record the buyer\'s response', FACTS),
  BookMeeting: fact('book a meeting', FACTS),
  ConfirmDecisionMaker: fact('confirm the decision maker', SELLING),
  NoteBudget: fact('note the budget', SELLING),
  NoteDecisionTimeframe: fact('note the decision timeframe', SELLING),
  RecordDemoHeld: fact('record a demo held', FACTS),
  ScheduleNextMeeting: fact('schedule the next meeting', FACTS),
  RecordRecapEmailSent: fact('record the recap email', FACTS),
  RecordRecapConfirmed: fact('record the buyer\'s recap confirmation', FACTS),
  DeliverProposal: fact('deliver a proposal', FACTS),
  RecordProposalAcknowledged: fact('record the proposal acknowledged', FACTS),
  RecordBuyerFact: fact('record a buyer fact of a type the deal\'s pipeline version declares', FACTS),
  AgreeTerms: deal('agree terms', SELLING, { commercialTerms: true }),
  ChangeAmount: deal('change the amount or line items', SELLING, { commercialTerms: true }),
  AdvanceStage: deal('advance the stage', SELLING),
  OverrideStage: deal('override the stage past unmet criteria', { manager: 'reports' }),
  SetCreditSplits: deal('set credit splits', { ...SELLING, 'sales-ops': 'organisation' }, { commercialTerms: true }),
  CloseWon: deal('close won', FACTS, { commercialTerms: true }),
  CloseLost: deal('close lost', SELLING),
  ReverseWonDeal: deal('reverse a won deal (claws back commission)', { manager: 'reports', admin: 'organisation' }),
  HandToImplementation: deal('hand to implementation', { ...SELLING, implementation: 'won' }),
  StartImplementation: deal('start implementation', DELIVERY),
  GoLive: deal('record go-live', DELIVERY),
  MigrateDealPipeline: deal('move an open deal to a newer version of its pipeline', { 'sales-ops': 'organisation', admin: 'organisation' }),
  AddTeamMember: deal('add someone to the team (never oneself)', TEAM, { notOnSelf: true }),
  RemoveTeamMember: deal('remove someone from the team', TEAM),
  ReviewDealChange: deal('approve or reject a change waiting for approval (never one\'s own, never in one\'s favour)', {
    manager: 'owner-line', 'sales-ops': 'organisation', finance: 'organisation',
  }),
  WithdrawDealChange: deal('withdraw one\'s own change waiting for approval', { ...FACTS, 'sales-ops': 'organisation', implementation: 'won' }),
  DecideDealDesk: deal('approve or reject terms beyond the deal desk\'s limits (a manager of the owner; never one\'s own terms, never in one\'s favour)', {
    manager: 'owner-line',
  }),
};

export const USER_COMMAND_RULES: Readonly<Record<UserCommandType, OperationRule>> = {
  RegisterUser: person('register a person', { admin: 'organisation' }),
  ChangeUserRoles: person('change a person\'s roles (never one\'s own)', { admin: 'organisation' }, { notOnSelf: true }),
  DeactivateUser: person('deactivate a person (never oneself)', { admin: 'organisation' }, { notOnSelf: true }),
  ReactivateUser: person('reactivate a person', { admin: 'organisation' }, { notOnSelf: true }),
};

/**
 * Standing teams. An account team joins deals of every owner, so only the organisation-wide roles
 * that may change any deal's team set one.
 */
export const TEAM_COMMAND_RULES: Readonly<Record<TeamCommandType, OperationRule>> = {
  SetDefaultTeam: person('set a rep\'s default deal team (the rep, their managers; nobody puts themselves on someone else\'s)', DEFAULT_TEAM),
  SetAccountTeam: organisation('set an account\'s team, joined to or offered on its new deals (never with oneself on it)', {
    'sales-ops': 'organisation', admin: 'organisation',
  }),
};

export const COMMISSION_COMMAND_RULES: Readonly<Record<CommissionCommandType, OperationRule>> = {
  PublishPlanVersion: organisation('publish a commission plan version', { finance: 'organisation' }),
  AssignPlan: person('put a person on a plan (never oneself)', { finance: 'organisation' }, { notOnSelf: true }),
  EndPlanAssignment: person('end a person\'s plan assignment early (never one\'s own)', { finance: 'organisation' }, { notOnSelf: true }),
  RaiseDispute: person('dispute a statement line (the person or their managers)', {
    rep: 'own', manager: 'reports', 'sales-ops': 'own', finance: 'own', implementation: 'own', admin: 'own',
  }),
  ResolveDispute: organisation('accept or reject a dispute', { finance: 'organisation' }),
  ReviewDisputeAcceptance: organisation('approve or send back an acceptance above the threshold', { finance: 'organisation' }),
  CloseCommissionPeriod: organisation('close a commission period (freezes its statements)', { finance: 'organisation', admin: 'organisation' }),
  ReopenCommissionPeriod: organisation('reopen a closed commission period', { finance: 'organisation', admin: 'organisation' }),
};

/** Pipeline definitions: sales-ops (and admins) publish versions. */
export const PIPELINE_COMMAND_RULES: Readonly<Record<PipelineVersionCommandType, OperationRule>> = {
  PublishPipelineVersion: organisation('publish a pipeline version (stages, exit criteria, custom buyer fact types)', {
    'sales-ops': 'organisation', admin: 'organisation',
  }),
};

/** Reads, reports, live feeds and operator endpoints. */
export const READ_RULES = {
  'deal:read': deal('read a deal, its events, its audit timeline and the members offered to its team', {
    rep: 'own', manager: 'reports', implementation: 'won', ...ORGANISATION,
  }, { teamAccess: 'read' }),
  'person:read': person('read a person\'s deals worked, statements, estimate and refusals', { ...EVERYONE_SELF, manager: 'reports', ...ORGANISATION }),
  'report:pipeline': organisation('pipeline figures (/pipeline…)', DEAL_FIGURES),
  'report:post-close': organisation('post-close figures (/post-close…)', { ...DEAL_FIGURES, implementation: 'readable' }),
  'report:kpis': organisation('sales KPIs per rep or team (others: the rows of the people and teams they may read)', {
    rep: 'readable', manager: 'readable', ...ORGANISATION,
  }),
  'report:quota-standing': person('where a person, or the team they lead, stands against quota', { rep: 'own', manager: 'reports', ...ORGANISATION }),
  'board:read': organisation('the dashboard board', { ...DEAL_FIGURES, implementation: 'readable' }),
  'plan:read': organisation('commission plans and their versions (others: the plans of the people they may read)', {
    rep: 'readable', manager: 'readable', implementation: 'readable', ...ORGANISATION,
  }),
  'pipeline:read': organisation('pipeline definitions and their versions', {
    rep: 'organisation', manager: 'organisation', implementation: 'organisation', integration: 'organisation', ...ORGANISATION,
  }),
  'pipeline:migrate': organisation('move open deals to a newer pipeline version (dry run: where each would land, criteria met and missing)', {
    'sales-ops': 'organisation', admin: 'organisation',
  }),
  // Org-wide by nature (every deal of the pipeline is replayed), so not for the narrowed readers of /pipeline.
  'pipeline:what-if': organisation('compare pipeline metrics of two definitions (published or a draft) over the recorded history of a pipeline\'s deals', {
    'sales-ops': 'organisation', admin: 'organisation',
  }),
  'plan:assignments': organisation('who is on a plan', ORGANISATION),
  'payees:read': organisation('everyone paid or on a plan in a commission period, with their totals', ORGANISATION),
  'statements:export': organisation('every statement line of a commission period, as CSV', ORGANISATION),
  'period:read': organisation('commission periods: open or closed, by whom, when, reopenings', {
    rep: 'organisation', manager: 'organisation', implementation: 'organisation', ...ORGANISATION,
  }),
  'dispute:read': person('read a dispute with its review', { ...EVERYONE_SELF, manager: 'reports', ...ORGANISATION }),
  'dispute:queue': organisation('the dispute queue (disputes of the people they may read)', {
    rep: 'readable', manager: 'readable', implementation: 'readable', integration: 'readable', ...ORGANISATION,
  }),
  'approvals:read': organisation('changes waiting for approval on the deals they may read (to review, or proposed by them)', {
    rep: 'readable', manager: 'readable', implementation: 'readable', integration: 'readable', ...ORGANISATION,
  }),
  'live:deal-summary': organisation('live deal summaries', { ...DEAL_FIGURES, implementation: 'readable' }),
  'live:every-projection': organisation('live changes of every projection', ORGANISATION),
  'audit:access-denials': organisation('the log of refused requests', ORGANISATION),
  'projections:status': organisation('projection positions, lag and dead-letter counts', { 'sales-ops': 'organisation', admin: 'organisation' }),
  'projections:dead-letters': organisation('events a projection could not apply', { 'sales-ops': 'organisation', admin: 'organisation' }),
  'projections:rebuild': organisation('rebuild a projection', { 'sales-ops': 'organisation', admin: 'organisation' }),
  'integrity:verify': organisation('verify every stream\'s hash chain', ORGANISATION),
  'user:me': person('read oneself as registered', EVERYONE_SELF),
  'default-team:read': person('read a rep\'s default deal team', DEFAULT_TEAM),
  'account-team:read': organisation('read an account\'s team', {
    rep: 'organisation', manager: 'organisation', 'sales-ops': 'organisation', implementation: 'organisation', admin: 'organisation',
  }),
} as const satisfies Record<string, OperationRule>;

/** Passwords, one-time links, sessions, personal access tokens and their audit (signing in and setting a password by link are public). */
export const ACCOUNT_RULES = {
  'account:invite': person('issue an invitation link to set a first password', { admin: 'organisation' }),
  'account:reset-password': person('issue a password reset link', { admin: 'organisation' }),
  'session:read': person('read one\'s own dashboard session', EVERYONE_SELF),
  'session:sign-out': person('end one\'s own dashboard session', EVERYONE_SELF),
  'token:create': person('create a personal access token (admins: also for service accounts)', { ...EVERYONE_SELF, admin: 'organisation' }),
  'token:read': person('list personal access tokens', { ...EVERYONE_SELF, admin: 'organisation' }),
  'token:revoke': person('revoke a personal access token', { ...EVERYONE_SELF, admin: 'organisation' }),
  'audit:accounts': organisation('sign-ins, failures, lockouts, sign-outs, links issued, passwords set, tokens created and revoked', { admin: 'organisation' }),
} as const satisfies Record<string, OperationRule>;

export type ReadOperation = keyof typeof READ_RULES;
export type AccountOperation = keyof typeof ACCOUNT_RULES;
export type Operation =
  | `deal:${DealCommandType}`
  | `user:${UserCommandType}`
  | `commission:${CommissionCommandType}`
  | `team:${TeamCommandType}`
  | `pipeline:${PipelineVersionCommandType}`
  | ReadOperation
  | AccountOperation;

/** Every operation the API offers and who may perform it: the one access table. */
export const OPERATIONS: Readonly<Record<Operation, OperationRule>> = {
  ...prefixed('deal', DEAL_COMMAND_RULES),
  ...prefixed('user', USER_COMMAND_RULES),
  ...prefixed('commission', COMMISSION_COMMAND_RULES),
  ...prefixed('team', TEAM_COMMAND_RULES),
  ...prefixed('pipeline', PIPELINE_COMMAND_RULES),
  ...READ_RULES,
  ...ACCOUNT_RULES,
} as Record<Operation, OperationRule>;

function prefixed<K extends string, P extends string>(prefix: P, rules: Readonly<Record<K, OperationRule>>): Record<`${P}:${K}`, OperationRule> {
  return Object.fromEntries(Object.entries(rules).map(([k, rule]) => [`${prefix}:${k}`, rule])) as Record<`${P}:${K}`, OperationRule>;
}

export const isOperation = (value: string): value is Operation => Object.prototype.hasOwnProperty.call(OPERATIONS, value);

/** The roles that may perform an operation at all. */
export function rolesGranted(operation: Operation): OrganisationRole[] {
  const { grants } = OPERATIONS[operation];
  return ORGANISATION_ROLES.filter((role) => grants[role] !== undefined);
}
