import { isFactKey } from '../pipeline/fact-key';
import { PipelineCatalog } from '../pipeline/pipeline-catalog';
import { PipelineDefinition, StageDefinition } from '../pipeline/pipeline-definition';
import { lostStage, postCloseStages, wonStage } from '../pipeline/pipeline-navigation';
import { Evidence } from '../shared/evidence';
import { DealEvent } from './deal.events';
import { DealState } from './deal.state';

/**
 * Folds one event into the state. Total and tolerant: unknown event types and events that do
 * not fit the state leave it unchanged, so an old binary can replay a newer stream.
 */
export function createDealEvolve(catalog: PipelineCatalog): (state: DealState, event: DealEvent) => DealState {
  return (state, event) => {
    if (typeof event?.data !== 'object' || event.data === null) return state;
    const at = event.metadata?.occurredAt;
    const pipeline = catalog.get(state.pipeline.id, state.pipeline.version);
    const enterStage = (stage: StageDefinition | undefined): Partial<DealState> =>
      stage ? { stageId: stage.id, stageEnteredAt: at } : {};

    if (isFactKey(event.type)) {
      const data = event.data as unknown as Readonly<Record<string, unknown>> & { evidence: Evidence };
      const facts = { ...state.facts, [event.type]: { data, evidence: data.evidence, occurredAt: at } };
      // New terms replace the old ones and whatever the deal desk said about them.
      if (event.type === 'TermsAgreed') return { ...withoutDealDesk(state), facts };
      return { ...state, facts };
    }
    switch (event.type) {
      case 'DealOpened': {
        const { dealId, name, account, ownerId, currency, expectedAmountMinor, lineItems, pipeline: ref, stageId } = event.data;
        return {
          ...state, exists: true, dealId, name, account, ownerId, currency, expectedAmountMinor, lineItems,
          opening: { amountMinor: expectedAmountMinor, lineItems }, pipeline: ref, stageId, status: 'open', openedAt: at, stageEnteredAt: at,
        };
      }
      case 'BuyerFactRecorded': {
        const { factType, attributes, evidence } = event.data;
        return { ...state, facts: { ...state.facts, [factType]: { data: attributes, evidence, occurredAt: at } } };
      }
      case 'DealPipelineMigrated': {
        const { pipelineId, toVersion, stageId } = event.data;
        const moved = stageId === state.stageId ? {} : { stageId, stageEnteredAt: at };
        return { ...state, pipeline: { id: pipelineId, version: toVersion }, ...moved };
      }
      case 'AmountChanged':
        return { ...state, expectedAmountMinor: event.data.expectedAmountMinor, lineItems: event.data.lineItems };
      case 'StageAdvanced':
      case 'StageOverridden':
        return { ...state, stageId: event.data.toStageId, stageEnteredAt: at };
      case 'DealClosedWon':
        return {
          ...state, ...enterStage(pipeline && wonStage(pipeline)), status: 'won', closedAt: at,
          expectedAmountMinor: event.data.amountMinor, lineItems: event.data.lineItems,
        };
      case 'DealClosedLost':
        return { ...state, ...enterStage(pipeline && lostStage(pipeline)), status: 'lost', closedAt: at, lostReason: event.data.reason };
      case 'WonDealReversed':
        return { ...state, reversed: true, reversedAt: at };
      case 'DealHandedToImplementation':
        return {
          ...state, ...enterStage(postCloseStep(pipeline, 0)),
          implementation: { ...state.implementation, handedOff: true, handedAt: at },
        };
      case 'ImplementationStarted':
        return {
          ...state, ...enterStage(postCloseStep(pipeline, 1)),
          implementation: { ...state.implementation, started: true, startedAt: at },
        };
      case 'DealWentLive':
        return {
          ...state, ...enterStage(postCloseStep(pipeline, 2)),
          implementation: { ...state.implementation, live: true, liveAt: at },
        };
      case 'TeamMemberAdded': {
        const { userId, role, access, source } = event.data;
        const present = state.team.some((member) => member.userId === userId && member.role === role);
        const member = { userId, role, ...(access === undefined ? {} : { access }), ...(source === undefined ? {} : { source }) };
        return present ? state : { ...state, team: [...state.team, member] };
      }
      case 'TeamMemberRemoved': {
        const { userId, role } = event.data;
        return { ...state, team: state.team.filter((member) => !(member.userId === userId && member.role === role)) };
      }
      case 'CreditSplitsSet':
        return { ...state, splits: { revenue: event.data.revenue, overlay: event.data.overlay } };
      case 'WonAmountCorrected':
        return { ...state, expectedAmountMinor: event.data.amountMinor, lineItems: event.data.lineItems };
      case 'DealChangeProposed': {
        const { proposalId, change, occurredAt, proposedBy, proposerRoles, reasons } = event.data;
        const pending = {
          proposalId, change, occurredAt, proposedBy, reasons,
          ...(proposerRoles === undefined ? {} : { proposerRoles }), ...(at === undefined ? {} : { proposedAt: at }),
        };
        return { ...state, pendingChanges: [...(state.pendingChanges ?? []), pending] };
      }
      case 'DealChangeApproved':
      case 'DealChangeRejected':
      case 'DealChangeWithdrawn':
        return { ...state, pendingChanges: (state.pendingChanges ?? []).filter((p) => p.proposalId !== event.data.proposalId) };
      case 'DealDeskApprovalRequested': {
        const { requestId, requestedBy, reasons } = event.data;
        return { ...state, dealDesk: { requestId, status: 'pending', requestedBy, reasons, ...(at === undefined ? {} : { requestedAt: at }) } };
      }
      case 'DealDeskApproved':
      case 'DealDeskRejected': {
        if (state.dealDesk?.requestId !== event.data.requestId) return state;
        const status = event.type === 'DealDeskApproved' ? 'approved' : 'rejected';
        const decided = { status, decidedBy: event.data.approverId, decisionReason: event.data.reason, ...(at === undefined ? {} : { decidedAt: at }) } as const;
        return { ...state, dealDesk: { ...state.dealDesk, ...decided } };
      }
      default:
        return state;
    }
  };
}

function withoutDealDesk(state: DealState): DealState {
  const { dealDesk: _replaced, ...rest } = state;
  return rest;
}

function postCloseStep(pipeline: PipelineDefinition | undefined, index: number): StageDefinition | undefined {
  return pipeline ? postCloseStages(pipeline)[index] : undefined;
}
