import {
  DEAL_COMMAND_RULES, DealCommandType, DEFAULT_PIPELINE, lastOpenStage, nextOpenStage, openStages, PipelineDefinition, postCloseStages, stageById,
} from '../../../libs/domain/src';
import { FactStep, FormValues, optional, text } from './fact-form-model';

/** What the deal page knows of a deal to decide what it offers (`GET /deals/:id`). */
export interface DealPosition {
  readonly status: string;
  readonly reversed?: boolean;
  readonly stageId: string;
}

/**
 * Whether the access table grants the command to any of these organisation roles. How far
 * (own deals, reports' deals…) is the API's to decide: it still refuses what the reach excludes.
 */
export const mayOffer = (roles: readonly string[], command: DealCommandType): boolean =>
  roles.some((role) => (DEAL_COMMAND_RULES[command].grants as Record<string, unknown>)[role] !== undefined);

/** The deal's pipeline: the API's catalog holds the default one only (`GET /deals/:id` describes stages by it). */
export const pipelineOf = (_deal: DealPosition): PipelineDefinition => DEFAULT_PIPELINE;

/** The stage name of an id, or the id when the pipeline does not know it. */
export const stageName = (deal: DealPosition, stageId: string): string => stageById(pipelineOf(deal), stageId)?.name ?? stageId;

const REASON = { name: 'reason', label: 'Reason', kind: 'textarea', required: true } as const;

function advance(deal: DealPosition, toStageId: string): FactStep {
  return {
    command: 'AdvanceStage', title: `Advance to ${stageName(deal, toStageId)}`, path: 'stage/advance', submit: `Advance to ${stageName(deal, toStageId)}`,
    fields: [], body: () => ({ toStageId }), evidence: 'none', evidenceKind: 'other',
  };
}

function override(deal: DealPosition, pipeline: PipelineDefinition): FactStep {
  const options = openStages(pipeline).filter((s) => s.id !== deal.stageId).map((s) => ({ value: s.id, label: s.name }));
  const next = nextOpenStage(pipeline, deal.stageId);
  return {
    command: 'OverrideStage', title: 'Override the stage (manager)', path: 'stage/override', submit: 'Override',
    fields: [{ name: 'toStageId', label: 'Move to', kind: 'select', options, initial: next?.id ?? options[0]?.value ?? '', required: true }, REASON],
    body: (v: FormValues) => ({ toStageId: text(v, 'toStageId'), reason: text(v, 'reason') }), evidence: 'none', evidenceKind: 'other',
  };
}

const CLOSE_WON: FactStep = {
  command: 'CloseWon', title: 'Close won', path: 'close-won', submit: 'Close won',
  fields: [{ name: 'amount', label: 'Final amount', kind: 'money', hint: '(empty: the expected amount)' }],
  body: (v: FormValues) => optional(v, 'amount'), evidence: 'required', evidenceKind: 'signature', evidenceAs: 'signedOrder',
};

const CLOSE_LOST: FactStep = {
  command: 'CloseLost', title: 'Close lost', path: 'close-lost', submit: 'Close lost',
  fields: [REASON], body: (v: FormValues) => ({ reason: text(v, 'reason') }), evidence: 'optional', evidenceKind: 'email',
};

const REVERSE: FactStep = {
  command: 'ReverseWonDeal', title: 'Reverse the win', path: 'reversal', submit: 'Reverse the win',
  fields: [REASON], body: (v: FormValues) => ({ reason: text(v, 'reason') }), evidence: 'optional', evidenceKind: 'document',
};

const POST_CLOSE: readonly FactStep[] = [
  {
    command: 'HandToImplementation', title: 'Hand off to implementation', path: 'handoff', submit: 'Hand off',
    fields: [
      { name: 'implementationLeadId', label: 'Implementation lead (user id)', kind: 'text', required: true },
      { name: 'customerSuccessManagerId', label: 'Customer success manager (user id)', kind: 'text', required: true },
    ],
    body: (v: FormValues) => ({ implementationLeadId: text(v, 'implementationLeadId'), customerSuccessManagerId: text(v, 'customerSuccessManagerId') }),
    evidence: 'optional', evidenceKind: 'document',
  },
  {
    command: 'StartImplementation', title: 'Start implementation', path: 'implementation/start', submit: 'Start implementation',
    fields: [], body: () => ({}), evidence: 'optional', evidenceKind: 'meeting',
  },
  {
    command: 'GoLive', title: 'Go live', path: 'go-live', submit: 'Record go-live',
    fields: [], body: () => ({}), evidence: 'required', evidenceKind: 'email',
  },
];

/**
 * What may happen next to the deal, as forms: advance or (the last open stage) close won; a
 * manager's override; close lost; on a won deal its reversal and the next post-close step. Only
 * what the deal's state allows and the access table grants one of the roles; the API decides.
 */
export function lifecycleSteps(roles: readonly string[], deal: DealPosition): FactStep[] {
  const pipeline = pipelineOf(deal);
  const steps: FactStep[] = [];
  if (deal.status === 'open') {
    const next = nextOpenStage(pipeline, deal.stageId);
    if (next) steps.push(advance(deal, next.id));
    else if (lastOpenStage(pipeline)?.id === deal.stageId) steps.push(CLOSE_WON);
    steps.push(override(deal, pipeline), CLOSE_LOST);
  } else if (deal.status === 'won' && !deal.reversed) {
    const postClose = postCloseStages(pipeline).map((s) => s.id);
    const phase = stageById(pipeline, deal.stageId)?.phase;
    // Won: hand off; in the n-th post-close stage: the step into the next one.
    const at = postClose.length === 0 ? -1 : phase === 'won' ? 0 : phase === 'post-close' ? postClose.indexOf(deal.stageId) + 1 : -1;
    const step = POST_CLOSE[at];
    if (step) steps.push(step);
    steps.push(REVERSE);
  }
  return steps.filter((s) => mayOffer(roles, s.command as DealCommandType));
}
