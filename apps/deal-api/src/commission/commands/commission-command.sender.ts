import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommissionCommandOf, CommissionCommandType } from '@deals/domain';
import { requestHashOf } from '../../command-pipeline/command-ids';
import { commandMetadataOf } from '../../request-context/command-metadata';
import { RequestContext } from '../../request-context/request-context.decorator';
import { CommissionAggregate, ExecuteCommissionCommand } from './execute-commission-command.command';

/** Builds a commission command with its metadata and dispatches it. */
@Injectable()
export class CommissionCommandSender {
  constructor(private readonly commandBus: CommandBus) {}

  async send<T extends CommissionCommandType>(
    ctx: RequestContext,
    aggregate: CommissionAggregate,
    id: string,
    type: T,
    data: CommissionCommandOf<T>['data'],
  ) {
    const command = { type, data, metadata: commandMetadataOf(ctx) } as CommissionCommandOf<T>;
    const result = await this.commandBus.execute(
      new ExecuteCommissionCommand(aggregate, id, command, requestHashOf({ aggregate, id, type, data }), ctx.idempotencyKey),
    );
    return { id, streamId: result.streamId, revision: result.revision, position: result.position, events: result.events, replayed: result.replayed };
  }
}
