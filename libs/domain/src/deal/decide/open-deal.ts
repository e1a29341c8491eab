import { PipelineCatalog } from '../../pipeline/pipeline-catalog';
import { firstOpenStage } from '../../pipeline/pipeline-navigation';
import { PipelineErrors } from '../../pipeline/pipeline.errors';
import { isIsoCurrency } from '../../shared/currency';
import { requireText } from '../../shared/required';
import { resolveOccurredAt } from '../../shared/time';
import { DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { DealEvent } from '../deal.events';
import { DealState } from '../deal.state';
import { StandingTeams, standingMembers } from '../../team/team-at-open';
import { checkAmountAndLineItems, copyLineItems, minorIn } from './amounts';
import { teamMemberAdded } from './team-members';

/**
 * Opens a deal in the first stage of its pipeline, then adds its initial team: the people the
 * command names, then the members of the owner's default team and of the account's team that
 * are added automatically (each naming the team it came from).
 */
export function openDeal(command: DealCommandOf<'OpenDeal'>, state: DealState, catalog: PipelineCatalog, standing: StandingTeams = {}): DealEvent[] {
  const { data } = command;
  if (state.exists) throw DealErrors.alreadyExists(state.dealId);
  resolveOccurredAt(command.metadata);
  requireText(data.dealId, 'dealId');
  requireText(data.name, 'name');
  requireText(data.account?.name, 'account.name');
  requireText(data.ownerId, 'ownerId');
  if (!isIsoCurrency(data.currency)) throw DealErrors.invalidCurrency(data.currency);
  const expectedAmountMinor = minorIn(data.expectedAmountMinor, data.currency, 'expectedAmount');
  const lineItems = copyLineItems(data.lineItems ?? [], data.currency);
  checkAmountAndLineItems(expectedAmountMinor, lineItems, 'expectedAmountMinor');

  const pipeline = data.pipeline
    ? catalog.get(data.pipeline.id, data.pipeline.version)
    : data.pipelineId !== undefined ? catalog.latest(data.pipelineId) : catalog.default;
  if (!pipeline) throw PipelineErrors.unknown(data.pipeline?.id ?? data.pipelineId ?? '', data.pipeline?.version);
  const stage = firstOpenStage(pipeline);
  if (!stage) throw PipelineErrors.unknown(pipeline.id, pipeline.version);

  const team: DealEvent[] = [];
  const seen = new Set<string>();
  for (const member of data.team ?? []) {
    const key = `${member.userId}\u0000${member.role}`;
    if (seen.has(key)) throw DealErrors.teamMemberExists(member.userId, member.role);
    seen.add(key);
    team.push(teamMemberAdded(member.userId, member.role, member.access ?? 'full'));
  }
  for (const member of standingMembers(standing, data.team ?? []).add) {
    team.push(teamMemberAdded(member.userId, member.role, member.access, member.source));
  }
  const account = data.account.industry === undefined
    ? { name: data.account.name }
    : { name: data.account.name, industry: data.account.industry };
  return [
    {
      type: 'DealOpened',
      data: {
        dealId: data.dealId, name: data.name, account, ownerId: data.ownerId, currency: data.currency,
        expectedAmountMinor, lineItems,
        pipeline: { id: pipeline.id, version: pipeline.version }, stageId: stage.id,
      },
    },
    ...team,
  ];
}
