import { Inject, Injectable } from '@nestjs/common';
import { commandMetadata, handleCommand } from '@deals/command-pipeline';
import {
  authorizedCommissionDecider, CommissionAggregate, CommissionCommandOf, CommissionCommandType, commissionStreamId, DisputeCommand, Relations,
} from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { API_CONFIG, ApiConfig } from '../../config/api-config';
import { LiveUserDirectory } from '../../auth/live-user-directory';
import { CommandResponse, commandResponse } from '../../request-context/command-response';
import { RequestContext } from '../../request-context/request-context.decorator';
import { loadDisputePolicy } from './dispute-policy';

export interface CommissionCommandResponse extends CommandResponse {
  /** The plan, person or dispute id. */
  readonly id: string;
}

/** Plans, assignments and disputes, straight into the command path behind the access table. */
@Injectable()
export class CommissionCommandHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LiveUserDirectory) private readonly relations: Relations,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async handle<T extends CommissionCommandType>(
    ctx: RequestContext, aggregate: CommissionAggregate, id: string, type: T, data: CommissionCommandOf<T>['data'],
  ): Promise<CommissionCommandResponse> {
    const command = { type, data, metadata: commandMetadata(ctx) } as CommissionCommandOf<T>;
    const disputePolicy = aggregate === 'dispute' ? await loadDisputePolicy(this.store, id, command as DisputeCommand, this.config.controls) : {};
    const decider = authorizedCommissionDecider(this.relations, aggregate, disputePolicy);
    const result = await handleCommand(this.store, decider, commissionStreamId(aggregate, id), command, {
      idempotencyKey: ctx.idempotencyKey,
    });
    return { id, ...commandResponse(result) };
  }
}
