import { Inject, Injectable } from '@nestjs/common';
import { commandMetadata, handleCommand, StreamStateCache } from '@deals/command-pipeline';
import {
  authorizedDealDecider, createDealDecider, DealCommandOf, DealCommandType, DealControls, DealDecider, DealState, dealStreamId,
  StandingMember,
} from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { LiveUserDirectory } from '../../auth/live-user-directory';
import { LivePipelineCatalog } from '../../pipelines/live-pipeline-catalog';
import { API_CONFIG, ApiConfig } from '../../config/api-config';
import { dealControls } from './deal-controls';
import { CommandResponse, commandResponse } from '../../request-context/command-response';
import { RequestContext } from '../../request-context/request-context.decorator';
import { offeredMembers, readStandingTeams } from '../../teams/standing-teams';

export interface DealCommandResponse extends CommandResponse {
  readonly dealId: string;
  /** Set when the change waits for approval: review it at /deals/:dealId/changes/:proposalId. */
  readonly proposalId?: string;
  /** Set when the terms agreed wait for the deal desk: a manager decides at /deals/:dealId/deal-desk/:dealDeskRequestId/decision. */
  readonly dealDeskRequestId?: string;
  /** On opening: the members of the standing teams in `offer` mode, for the rep to pick from (POST /deals/:dealId/team). */
  readonly offeredTeam?: readonly StandingMember[];
}

/** Every deal command, straight into the command path behind the access table. */
@Injectable()
export class DealCommandHandler {
  private readonly decider: DealDecider;
  private readonly controls: DealControls;
  /** Deals recently commanded, folded: a command reads only the events after the cached revision. */
  private readonly recentDeals = new StreamStateCache<DealState>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LiveUserDirectory) private readonly relations: LiveUserDirectory,
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly catalog: LivePipelineCatalog,
  ) {
    this.controls = dealControls(relations, config.controls, config.dealDesk);
    // The catalog is in memory, kept current from the store: no read per command.
    this.decider = createDealDecider(catalog, this.controls);
  }

  async handle<T extends DealCommandType>(
    ctx: RequestContext, dealId: string, type: T, data: DealCommandOf<T>['data'], occurredAt?: string,
  ): Promise<DealCommandResponse> {
    const command = { type, data, metadata: commandMetadata(ctx, occurredAt) } as DealCommandOf<T>;
    // A deal being opened gets its owner's default team and its account's team as they are set now.
    const opening = type === 'OpenDeal' ? (data as DealCommandOf<'OpenDeal'>['data']) : undefined;
    const standing = opening && await readStandingTeams(this.store, this.relations, opening.ownerId, opening.account.name);
    const decider = standing ? createDealDecider(this.catalog, this.controls, standing) : this.decider;
    const result = await handleCommand(this.store, authorizedDealDecider(this.relations, dealId, decider), dealStreamId(dealId), command, {
      idempotencyKey: ctx.idempotencyKey,
      expectedRevision: ctx.expectedRevision,
      cache: this.recentDeals,
    });
    const proposed = result.events.some((event) => event.type === 'DealChangeProposed');
    const toDealDesk = result.events.some((event) => event.type === 'DealDeskApprovalRequested');
    return {
      dealId, ...commandResponse(result),
      ...(proposed ? { proposalId: command.metadata.commandId } : {}),
      ...(toDealDesk ? { dealDeskRequestId: command.metadata.commandId } : {}),
      ...(standing && opening ? { offeredTeam: offeredMembers(standing, opening.team ?? []) } : {}),
    };
  }
}
