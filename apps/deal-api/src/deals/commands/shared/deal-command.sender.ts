import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DealCommandOf, DealCommandType } from '@deals/domain';
import { requestHashOf } from '../../../command-pipeline/command-ids';
import { commandMetadataOf } from '../../../request-context/command-metadata';
import { RequestContext } from '../../../request-context/request-context.decorator';
import { ExecuteDealCommand } from './execute-deal-command.command';
import { CommandResponse, toCommandResponse } from './command-response';

/** Turns a validated request into a domain command with its metadata and dispatches it. */
@Injectable()
export class DealCommandSender {
  constructor(private readonly commandBus: CommandBus) {}

  async send<T extends DealCommandType>(
    ctx: RequestContext,
    dealId: string,
    type: T,
    data: DealCommandOf<T>['data'],
    occurredAt?: string,
  ): Promise<CommandResponse> {
    const command = { type, data, metadata: commandMetadataOf(ctx, occurredAt) } as DealCommandOf<T>;
    const requestHash = requestHashOf({ dealId, type, data, occurredAt });
    const result = await this.commandBus.execute(
      new ExecuteDealCommand(dealId, command, requestHash, ctx.idempotencyKey, ctx.expectedRevision),
    );
    return toCommandResponse(dealId, result);
  }
}
