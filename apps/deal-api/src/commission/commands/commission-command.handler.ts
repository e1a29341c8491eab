import { Inject, Injectable } from '@nestjs/common';
import { aggregateStream, commandMetadata, handleCommand } from '@deals/command-pipeline';
import {
  authorizedCommissionDecider, CommissionAggregate, CommissionCommandOf, CommissionCommandType, commissionPeriodDecider, commissionStreamId,
  DisputeCommand, isPeriod, Relations,
} from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { API_CONFIG, ApiConfig } from '../../config/api-config';
import { LiveUserDirectory } from '../../auth/live-user-directory';
import { CommandResponse, commandResponse } from '../../request-context/command-response';
import { RequestContext } from '../../request-context/request-context.decorator';
import { loadDisputePolicy } from './dispute-policy';

export interface CommissionCommandResponse extends CommandResponse {
  /** The plan, person or dispute id, or the period. */
  readonly id: string;
}

/** Plans, assignments, disputes and periods, straight into the command path behind the access table. */
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
    const disputePolicy = aggregate === 'dispute' ? await this.disputePolicy(id, command as DisputeCommand) : {};
    const decider = authorizedCommissionDecider(this.relations, aggregate, disputePolicy);
    const result = await handleCommand(this.store, decider, commissionStreamId(aggregate, id), command, { idempotencyKey: ctx.idempotencyKey });
    return { id, ...commandResponse(result) };
  }

  /** What the dispute rules read beyond the dispute: credit on the deal, plan currencies, closed periods. */
  private async disputePolicy(disputeId: string, command: DisputeCommand) {
    const policy = await loadDisputePolicy(this.store, disputeId, command, this.config.controls);
    return { ...policy, isClosed: await this.closedAmong(policy.adjustmentPeriods) };
  }

  /**
   * Which of these periods are closed, read from their streams now. A close committed between
   * this read and the dispute's append is not seen; its adjustment then lands as a late fact,
   * as a prior-period adjustment in the first open period.
   */
  private async closedAmong(periods: readonly unknown[]): Promise<(period: string) => boolean> {
    const closed = new Set<string>();
    for (const period of new Set(periods.filter(isPeriod))) {
      const { state } = await aggregateStream(this.store, commissionStreamId('period', period), commissionPeriodDecider);
      if (state.closed) closed.add(period);
    }
    return (period) => closed.has(period);
  }
}
