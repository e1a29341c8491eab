import { Inject, Injectable } from '@nestjs/common';
import { authorizedDecider, authorizeUserCommand, createUserDecider, UserCommand, userStreamId } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { requestHashOf } from '../../command-pipeline/command-ids';
import { commandMetadataOf } from '../../request-context/command-metadata';
import { CommandResult, handleCommand } from '../../command-pipeline/handle-command';
import { RequestContext } from '../../request-context/request-context.decorator';
import { AccessDenialRecorder } from '../access-denial.recorder';

export interface UserCommandResponse {
  readonly userId: string;
  readonly revision: number;
  readonly position: number;
  readonly events: CommandResult['events'];
  readonly replayed: boolean;
}

/** Registers users and changes their roles through the one command path, admins only. */
@Injectable()
export class UserCommands {
  private readonly users = authorizedDecider(createUserDecider(), (command) =>
    authorizeUserCommand(command.type, command.metadata.actor, command.data.userId));

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly denials: AccessDenialRecorder,
  ) {}

  async send<T extends UserCommand['type']>(ctx: RequestContext, type: T, data: Extract<UserCommand, { type: T }>['data']): Promise<UserCommandResponse> {
    const command = { type, data, metadata: commandMetadataOf(ctx) } as UserCommand;
    const result = await this.denials.recording(() =>
      handleCommand(this.store, this.users, userStreamId(data.userId), command, {
        requestHash: requestHashOf({ type, data }),
        idempotencyKey: ctx.idempotencyKey,
        expectedRevision: ctx.expectedRevision,
      }));
    return { userId: data.userId, revision: result.revision, position: result.position, events: result.events, replayed: result.replayed };
  }
}
