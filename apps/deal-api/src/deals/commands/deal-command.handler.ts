import { Inject, Injectable } from '@nestjs/common';
import { commandMetadata, handleCommand, StreamStateCache } from '@deals/command-pipeline';
import {
  authorizedDealDecider, createDealDecider, DealCommandOf, DealCommandType, DealDecider, DealState, dealStreamId, defaultPipelineCatalog,
} from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { LiveUserDirectory } from '../../auth/live-user-directory';
import { API_CONFIG, ApiConfig } from '../../config/api-config';
import { dealControls } from './deal-controls';
import { CommandResponse, commandResponse } from '../../request-context/command-response';
import { RequestContext } from '../../request-context/request-context.decorator';

export interface DealCommandResponse extends CommandResponse {
  readonly dealId: string;
  /** Set when the change waits for approval: review it at /deals/:dealId/changes/:proposalId. */
  readonly proposalId?: string;
  /** Set when the terms agreed wait for the deal desk: a manager decides at /deals/:dealId/deal-desk/:dealDeskRequestId/decision. */
  readonly dealDeskRequestId?: string;
}

/** Every deal command, straight into the command path behind the access table. */
@Injectable()
export class DealCommandHandler {
  private readonly decider: DealDecider;
  /** Deals recently commanded, folded: a command reads only the events after the cached revision. */
  private readonly recentDeals = new StreamStateCache<DealState>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LiveUserDirectory) private readonly relations: LiveUserDirectory,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.decider = createDealDecider(defaultPipelineCatalog, dealControls(relations, config.controls, config.dealDesk));
  }

  async handle<T extends DealCommandType>(
    ctx: RequestContext, dealId: string, type: T, data: DealCommandOf<T>['data'], occurredAt?: string,
  ): Promise<DealCommandResponse> {
    const command = { type, data, metadata: commandMetadata(ctx, occurredAt) } as DealCommandOf<T>;
    const result = await handleCommand(this.store, authorizedDealDecider(this.relations, dealId, this.decider), dealStreamId(dealId), command, {
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
    };
  }
}
