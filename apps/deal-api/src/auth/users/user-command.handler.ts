import { Inject, Injectable } from '@nestjs/common';
import { authorizedUserDecider, UserCommand, userStreamId } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { commandMetadata, handleCommand } from '@deals/command-pipeline';
import { CommandResponse, commandResponse } from '../../request-context/command-response';
import { RequestContext } from '../../request-context/request-context.decorator';
import { LiveUserDirectory } from '../live-user-directory';

export interface UserCommandResponse extends CommandResponse {
  readonly userId: string;
}

/**
 * Registers, re-roles, deactivates and reactivates users through the one command path, admins
 * only and never on themselves. Answers once the user directory holds the change, so the very
 * next request of that user is decided on their new rights.
 */
@Injectable()
export class UserCommandHandler {
  private readonly users = authorizedUserDecider();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: LiveUserDirectory,
  ) {}

  async handle<T extends UserCommand['type']>(ctx: RequestContext, type: T, data: Extract<UserCommand, { type: T }>['data']): Promise<UserCommandResponse> {
    const command = { type, data, metadata: commandMetadata(ctx) } as UserCommand;
    const result = await handleCommand(this.store, this.users, userStreamId(data.userId), command, {
      idempotencyKey: ctx.idempotencyKey,
      expectedRevision: ctx.expectedRevision,
    });
    await this.directory.waitFor(result.position);
    return { userId: data.userId, ...commandResponse(result) };
  }
}
